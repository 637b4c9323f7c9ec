{{/*
A prometheus-operator ServiceMonitor for the app's /metrics. The job label is the app's name
(gateway, inference, ...), which the platform's dashboards and alert rules select on. The
chart may add "app.metricsAuthorization" (the gateway's /metrics asks for a credential).
*/}}
{{- define "aip-service.servicemonitor" -}}
{{- $root := .root }}
{{- $app := .app }}
{{- $monitor := $root.Values.serviceMonitor }}
{{- if $monitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
    {{- with $monitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: app.kubernetes.io/name
  selector:
    matchLabels:
      {{- include "aip-service.selectorLabels" $root | nindent 6 }}
  endpoints:
    - port: http
      path: /metrics
      interval: {{ $monitor.interval }}
      scrapeTimeout: {{ $monitor.scrapeTimeout }}
      scheme: {{ lower (default "HTTP" $app.probeScheme) }}
      {{- if eq (lower (default "HTTP" $app.probeScheme)) "https" }}
      tlsConfig:
        insecureSkipVerify: true
      {{- end }}
      {{- with $app.metricsAuthorization }}
      authorization:
        type: Bearer
        credentials:
          {{- toYaml . | nindent 10 }}
      {{- end }}
{{- end }}
{{- end }}
