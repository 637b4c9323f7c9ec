{{/* The gateway's own part of the shared templates (see ../aip-service/README.md). */}}
{{- define "gateway.app" -}}
portVariable: GATEWAY_PORT
externalTraffic: true
autoscalingEnabled: {{ .Values.autoscaling.enabled }}
config:
  {{- include "aip-service.redisConfig" . | nindent 2 }}
secretEnv:
  {{- include "aip-service.redisSecretEnv" . | nindent 2 }}
{{- with .Values.tls.secretName }}
probeScheme: HTTPS
secretFiles:
  - variable: GATEWAY_TLS_CERT_FILE
    secretName: {{ . | quote }}
    key: tls.crt
  - variable: GATEWAY_TLS_KEY_FILE
    secretName: {{ . | quote }}
    key: tls.key
{{- end }}
{{- $credentials := default dict .Values.serviceMonitor.credentialsSecret }}
{{- with $credentials.name }}
metricsAuthorization:
  name: {{ tpl . $ | quote }}
  key: {{ $credentials.key | quote }}
{{- end }}
{{- end }}
