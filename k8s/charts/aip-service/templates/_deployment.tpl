{{/*
The app's Deployment: non-root, read-only root file system (DATA_DIR and /tmp are emptyDirs),
probes on the app's own /health/live and /health/ready, settings from the ConfigMap, secrets
as references only. The chart adds what is its own through "app" (see README.md).
*/}}
{{- define "aip-service.deployment" -}}
{{- $root := .root }}
{{- $app := .app }}
{{- $values := $root.Values }}
{{- $nats := include "aip-service.natsSecrets" $root | fromYaml }}
{{- /* Values set to null (helm removes the key) count as empty. */}}
{{- $secretEnv := mergeOverwrite (deepCopy (default dict $app.secretEnv)) $nats.env (default dict $values.secretEnv) }}
{{- $scheme := default "HTTP" $app.probeScheme }}
{{- $files := concat $nats.files (default list $app.secretFiles) (default list $values.secretFiles) }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "aip-service.fullname" $root }}
  labels:
    {{- include "aip-service.labels" $root | nindent 4 }}
spec:
  {{- if not $app.autoscalingEnabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "aip-service.selectorLabels" $root | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "aip-service.labels" $root | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "aip-service.configmap" . | sha256sum }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "aip-service.serviceAccountName" $root }}
      automountServiceAccountToken: false
      {{- with $values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      {{- with $app.initContainers }}
      initContainers:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "aip-service.name" $root }}
          image: {{ include "aip-service.image" . | quote }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "aip-service.fullname" $root }}
          {{- if or $secretEnv $files }}
          env:
            {{- range $name, $ref := $secretEnv }}
            {{- /* An entry without a Secret name sets nothing: how a value file turns one off. */}}
            {{- if and $ref $ref.name }}
            - name: {{ $name }}
              valueFrom:
                secretKeyRef:
                  name: {{ tpl $ref.name $root | quote }}
                  key: {{ $ref.key | quote }}
            {{- end }}
            {{- end }}
            {{- range $index, $file := $files }}
            - name: {{ $file.variable }}
              value: {{ printf "/etc/aip/secrets/%d/%s" $index $file.key | quote }}
            {{- end }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /health/live
              port: http
              scheme: {{ $scheme }}
            {{- toYaml $values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
              scheme: {{ $scheme }}
            {{- toYaml $values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
              scheme: {{ $scheme }}
            {{- toYaml $values.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml (default $values.resources $app.resources) | nindent 12 }}
          securityContext:
            {{- toYaml $values.securityContext | nindent 12 }}
          volumeMounts:
            - name: data
              mountPath: {{ $values.dataVolume.mountPath }}
            - name: tmp
              mountPath: /tmp
            {{- range $index, $file := $files }}
            - name: {{ printf "secret-file-%d" $index }}
              mountPath: {{ printf "/etc/aip/secrets/%d" $index }}
              readOnly: true
            {{- end }}
            {{- with $app.volumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: data
          {{- if $values.dataVolume.existingClaim }}
          persistentVolumeClaim:
            claimName: {{ tpl $values.dataVolume.existingClaim $root }}
          {{- else }}
          emptyDir: {{ include "aip-service.emptyDir" $values.dataVolume.sizeLimit }}
          {{- end }}
        - name: tmp
          emptyDir: {{ include "aip-service.emptyDir" $values.tmpVolume.sizeLimit }}
        {{- range $index, $file := $files }}
        - name: {{ printf "secret-file-%d" $index }}
          secret:
            secretName: {{ tpl $file.secretName $root }}
            items:
              - key: {{ $file.key }}
                path: {{ $file.key }}
        {{- end }}
        {{- with $app.volumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with (default $values.nodeSelector $app.nodeSelector) }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with (default $values.tolerations $app.tolerations) }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/* An emptyDir volume source, bounded when a size limit is given. */}}
{{- define "aip-service.emptyDir" -}}
{{- if . }}
{{- dict "sizeLimit" . | toJson }}
{{- else }}
{{- "{}" }}
{{- end }}
{{- end }}
