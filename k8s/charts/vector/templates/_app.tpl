{{/* The vector service's own part of the shared templates (see ../aip-service/README.md). */}}
{{- define "vector.app" -}}
portVariable: VECTOR_PORT
externalTraffic: false
autoscalingEnabled: {{ .Values.autoscaling.enabled }}
config:
  QDRANT_URL: {{ tpl .Values.qdrant.url . | quote }}
  {{- include "aip-service.redisConfig" . | nindent 2 }}
secretEnv:
  {{- include "aip-service.redisSecretEnv" . | nindent 2 }}
  {{- with .Values.qdrant.apiKeySecret.name }}
  QDRANT_API_KEY:
    name: {{ tpl . $ | quote }}
    key: {{ $.Values.qdrant.apiKeySecret.key | quote }}
  {{- end }}
{{- end }}
