{{/*
The app's settings: its port variable, bind address, NATS, log level and data folder, then the
chart's own settings ("app.config"), then the user's `config` (the user wins). Values may use
templates, e.g. "nats://{{ .Release.Name }}-nats:4222". HOST is 0.0.0.0 because the apps
default to loopback, which neither the kubelet's probes nor the Service reach; who may connect
is the NetworkPolicy's business.
*/}}
{{- define "aip-service.configmap" -}}
{{- $root := .root }}
{{- $app := .app }}
{{- $data := dict $app.portVariable (toString $root.Values.port) }}
{{- $_ := set $data "HOST" "0.0.0.0" }}
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
