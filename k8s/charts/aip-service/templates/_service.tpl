{{/* ClusterIP Service on the app's port: the gateway's API, and every app's /metrics. */}}
{{- define "aip-service.service" -}}
{{- $root := .root }}
{{- $values := $root.Values }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
  {{- with $values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "aip-service.selectorLabels" $root | nindent 4 }}
{{- end }}

{{- define "aip-service.serviceaccount" -}}
{{- $root := .root }}
{{- if $root.Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "aip-service.serviceAccountName" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
  {{- with $root.Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
{{- end }}

{{/*
Ingress to the app's port. The app that takes outside traffic ("app.externalTraffic": the
gateway) accepts it from anywhere unless `networkPolicy.from` narrows it; every other app
accepts only the scrapers in `networkPolicy.metricsFrom` (services call each other over NATS,
so nothing else ever connects to them).
*/}}
{{- define "aip-service.networkpolicy" -}}
{{- $root := .root }}
{{- $app := .app }}
{{- $values := $root.Values }}
{{- if $values.networkPolicy.enabled }}
{{- $from := ternary $values.networkPolicy.from $values.networkPolicy.metricsFrom (eq (toString $app.externalTraffic) "true") }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "aip-service.selectorLabels" $root | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    {{- if or $from (eq (toString $app.externalTraffic) "true") }}
    - ports:
        - port: http
          protocol: TCP
      {{- with $from }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- else }}
    []
    {{- end }}
{{- end }}
{{- end }}
