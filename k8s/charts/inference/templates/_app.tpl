{{/* The inference service's own part of the shared templates (see ../aip-service/README.md). */}}
{{- define "inference.app" -}}
{{- $gpu := .Values.gpu }}
{{- $models := .Values.models }}
portVariable: INFERENCE_PORT
externalTraffic: false
config:
  INFERENCE_THREADS: {{ .Values.threads | quote }}
  INFERENCE_GPU: {{ ternary "cuda" "false" $gpu.enabled | quote }}
{{- if $gpu.enabled }}
image:
  {{- toYaml $gpu.image | nindent 2 }}
{{- $resources := deepCopy $gpu.resources }}
{{- $limits := default dict $resources.limits }}
{{- $_ := set $limits $gpu.resourceName $gpu.count }}
{{- $_ := set $resources "limits" $limits }}
resources:
  {{- toYaml $resources | nindent 2 }}
nodeSelector:
  {{- toYaml (mergeOverwrite (deepCopy (default dict $gpu.nodeSelector)) (default dict .Values.nodeSelector)) | nindent 2 }}
tolerations:
  {{- toYaml (concat (default list $gpu.tolerations) (default list .Values.tolerations)) | nindent 2 }}
{{- end }}
volumes:
  - name: models
    {{- if $models.existingClaim }}
    persistentVolumeClaim:
      claimName: {{ tpl $models.existingClaim . | quote }}
    {{- else if $models.persistence.enabled }}
    persistentVolumeClaim:
      claimName: {{ include "inference.modelsClaim" . | quote }}
    {{- else }}
    emptyDir:
      sizeLimit: {{ $models.sizeLimit | quote }}
    {{- end }}
volumeMounts:
  - name: models
    mountPath: {{ $models.mountPath | quote }}
{{- if $models.pull.enabled }}
initContainers:
  - name: pull-models
    image: {{ $models.pull.image | quote }}
    securityContext:
      {{- toYaml .Values.securityContext | nindent 6 }}
    {{- with $models.pull.tokenSecret.name }}
    env:
      - name: MODEL_TOKEN
        valueFrom:
          secretKeyRef:
            name: {{ tpl . $ | quote }}
            key: {{ $.Values.models.pull.tokenSecret.key | quote }}
    {{- end }}
    command: ["/bin/sh", "-ec"]
    args:
      - |
        cd /models
        {{- range $models.pull.files }}
        if [ ! -s {{ .name | quote }} ]; then
          curl -fsSL --retry 5 ${MODEL_TOKEN:+-H "Authorization: Bearer $MODEL_TOKEN"} -o {{ printf "%s.partial" .name | quote }} {{ .url | quote }}
          mv {{ printf "%s.partial" .name | quote }} {{ .name | quote }}
        fi
        {{- end }}
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
      limits:
        cpu: "1"
        memory: 256Mi
    volumeMounts:
      - name: models
        mountPath: /models
{{- end }}
{{- end }}

{{/* The name of the models claim the chart creates (models.persistence). */}}
{{- define "inference.modelsClaim" -}}
{{- printf "%s-models" (include "aip-service.fullname" .) }}
{{- end }}
