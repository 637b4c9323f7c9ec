{{/* The sync worker's own part of the shared templates (see ../aip-service/README.md). */}}
{{- define "sync-worker.app" -}}
portVariable: SYNC_WORKER_PORT
externalTraffic: false
autoscalingEnabled: {{ .Values.autoscaling.enabled }}
config:
  {{- include "aip-service.redisConfig" . | nindent 2 }}
secretEnv:
  {{- include "aip-service.redisSecretEnv" . | nindent 2 }}
{{- end }}
