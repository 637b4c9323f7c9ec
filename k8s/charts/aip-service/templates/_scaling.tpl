{{- define "aip-service.pdb" -}}
{{- $root := .root }}
{{- $pdb := $root.Values.podDisruptionBudget }}
{{- if $pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
spec:
  {{- if $pdb.minAvailable }}
  minAvailable: {{ $pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "aip-service.selectorLabels" $root | nindent 6 }}
{{- end }}
{{- end }}

{{/* For the stateless apps only: their state lives in NATS, Redis and Qdrant. */}}
{{- define "aip-service.hpa" -}}
{{- $root := .root }}
{{- $scaling := $root.Values.autoscaling }}
{{- if $scaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "aip-service.fullname" $root }}
  minReplicas: {{ $scaling.minReplicas }}
  maxReplicas: {{ $scaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $scaling.targetCPUUtilizationPercentage }}
    {{- with $scaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
{{- end }}
{{- end }}
