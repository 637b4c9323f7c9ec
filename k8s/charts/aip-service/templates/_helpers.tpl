{{/*
Names and labels. Every template here takes the service chart's root context, or a dict with
"root" (that context) and "app" (the chart's own facts, see README.md).
*/}}
{{- define "aip-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "aip-service.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "aip-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aip-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "aip-service.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "aip-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: service
app.kubernetes.io/part-of: aip
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "aip-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aip-service.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image: the app's override (e.g. the CUDA build) or the chart's, tag defaulting to appVersion. */}}
{{- define "aip-service.image" -}}
{{- $root := .root }}
{{- $image := mergeOverwrite (deepCopy $root.Values.image) (default dict .app.image) }}
{{- $tag := default $root.Chart.AppVersion $image.tag }}
{{- if $image.registry }}
{{- printf "%s/%s:%s" $image.registry $image.repository $tag }}
{{- else }}
{{- printf "%s:%s" $image.repository $tag }}
{{- end }}
{{- end }}

{{/*
REDIS_URL, for charts whose app uses Redis: a plain value in the ConfigMap ("redisConfig"), or a
Secret reference when the URL carries a password ("redisSecretEnv"). Each renders map entries.
*/}}
{{- define "aip-service.redisConfig" -}}
{{- if not .Values.redis.existingSecret.name }}
REDIS_URL: {{ tpl .Values.redis.url . | quote }}
{{- end }}
{{- end }}

{{- define "aip-service.redisSecretEnv" -}}
{{- if .Values.redis.existingSecret.name }}
REDIS_URL:
  name: {{ tpl .Values.redis.existingSecret.name . | quote }}
  key: {{ .Values.redis.existingSecret.key | quote }}
{{- end }}
{{- end }}

{{/*
NATS credentials and TLS files from Secrets (`nats.auth`, `nats.tls`), for every service: YAML
with `env` (VARIABLE: name and key, as secretEnv) and `files` (as secretFiles), both empty when
unset. A key left empty is not used, so one Secret serves whichever method the server expects.
*/}}
{{- define "aip-service.natsSecrets" -}}
{{- $auth := .Values.nats.auth }}
{{- $tls := .Values.nats.tls }}
{{- $env := dict }}
{{- $files := list }}
{{- if $auth.secretName }}
{{- range $variable, $key := dict "NATS_USER" $auth.userKey "NATS_PASSWORD" $auth.passwordKey "NATS_TOKEN" $auth.tokenKey }}
{{- if $key }}
{{- $_ := set $env $variable (dict "name" $auth.secretName "key" $key) }}
{{- end }}
{{- end }}
{{- range $variable, $key := dict "NATS_CREDS_FILE" $auth.credsKey "NATS_NKEY_SEED_FILE" $auth.nkeySeedKey }}
{{- if $key }}
{{- $files = append $files (dict "variable" $variable "secretName" $auth.secretName "key" $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- if $tls.secretName }}
{{- range $variable, $key := dict "NATS_TLS_CA_FILE" $tls.caKey "NATS_TLS_CERT_FILE" $tls.certKey "NATS_TLS_KEY_FILE" $tls.keyKey }}
{{- if $key }}
{{- $files = append $files (dict "variable" $variable "secretName" $tls.secretName "key" $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- dict "env" $env "files" $files | toYaml }}
{{- end }}
