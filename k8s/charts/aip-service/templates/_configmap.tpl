{{/*
The app's settings: its port variable, NATS, log level and data folder, then the chart's own
settings ("app.config"), then the user's `config` (the user wins). Values may use templates,
e.g. "nats://{{ .Release.Name }}-nats:4222".
*/}}
{{- define "aip-service.configmap" -}}
{{- $root := .root }}
{{- $app := .app }}
{{- $data := dict $app.portVariable (toString $root.Values.port) }}
{{- $_ := set $data "NATS_URL" (tpl $root.Values.nats.url $root) }}
{{- $_ := set $data "LOG_LEVEL" $root.Values.logLevel }}
{{- $_ := set $data "DATA_DIR" $root.Values.dataVolume.mountPath }}
{{- range $name, $value := (default dict $app.config) }}
{{- $_ := set $data $name (toString $value) }}
{{- end }}
{{- range $name, $value := $root.Values.config }}
{{- $_ := set $data $name (tpl (toString $value) $root) }}
{{- end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
data:
  {{- range $name, $value := $data }}
  {{ $name }}: {{ $value | quote }}
  {{- end }}
{{- end }}
