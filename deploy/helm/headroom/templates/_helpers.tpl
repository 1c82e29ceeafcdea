{{- define "headroom.fullname" -}}
{{- printf "%s-headroom" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels of every resource but a component's selector labels, which components add. */}}
{{- define "headroom.labels" -}}
app.kubernetes.io/part-of: headroom
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The labels of a resource of the whole release, not of one component. */}}
{{- define "headroom.releaseLabels" -}}
{{ include "headroom.labels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The selector labels of one component: (list $ "component-name") */}}
{{- define "headroom.selectorLabels" -}}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/name: {{ index . 1 }}
{{- end -}}

{{/* A model name as a Kubernetes name: lower case, every character outside [a-z0-9-] a dash. */}}
{{- define "headroom.slug" -}}
{{- regexReplaceAll "[^a-z0-9-]" (lower .) "-" | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "headroom.image" -}}
{{- printf "%sheadroom/%s:%s" (index . 0).Values.image.registry (index . 1) (index . 0).Values.image.tag -}}
{{- end -}}

{{- define "headroom.dbSecret" -}}
{{- .Values.database.existingSecret | default (printf "%s-db" (include "headroom.fullname" .)) -}}
{{- end -}}

{{/* The datasource of a service with a schema, credentials from the database Secret: a YAML list of env entries. */}}
{{- define "headroom.databaseEnv" -}}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s" .Values.database.host .Values.database.port .Values.database.name | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom: {secretKeyRef: {name: {{ include "headroom.dbSecret" . | quote }}, key: username}}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "headroom.dbSecret" . | quote }}, key: password}}
{{- with .Values.database.migrationSecret }}
- name: QUARKUS_FLYWAY_USERNAME
  valueFrom: {secretKeyRef: {name: {{ . | quote }}, key: username}}
- name: QUARKUS_FLYWAY_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ . | quote }}, key: password}}
{{- end }}
{{- end -}}

{{- define "headroom.tokenSecret" -}}
{{- .Values.security.existingSecret | default (printf "%s-api-token" (include "headroom.fullname" .)) -}}
{{- end -}}

{{/* Quarkus settings as environment variables: (list $ settingsMap); property names map to Quarkus's env form. */}}
{{- define "headroom.settingsEnv" -}}
{{- $root := index . 0 -}}
{{- range $property, $value := index . 1 }}
- name: {{ regexReplaceAll "[^A-Z0-9]" (upper $property) "_" }}
  value: {{ tpl (toString $value) $root | quote }}
{{- end }}
{{- end -}}

{{/* The container of a Quarkus service: (dict "root" $ "module" module "resources" ... "env" list-yaml) */}}
{{- define "headroom.quarkusContainer" -}}
- name: {{ .module }}
  image: {{ include "headroom.image" (list .root .module) }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  ports:
    - {name: http, containerPort: 8080}
  env:
    - name: KAFKA_BOOTSTRAP_SERVERS
      value: {{ .root.Values.kafka.bootstrapServers | quote }}
    {{- .env | nindent 4 }}
  readinessProbe:
    httpGet: {path: /q/health/ready, port: http}
    periodSeconds: 5
    failureThreshold: 3
  livenessProbe:
    httpGet: {path: /q/health/live, port: http}
    periodSeconds: 10
    failureThreshold: 3
  startupProbe:
    httpGet: {path: /q/health/started, port: http}
    periodSeconds: 2
    failureThreshold: 90
  resources:
    {{- toYaml .resources | nindent 4 }}
  securityContext:
    allowPrivilegeEscalation: false
    runAsNonRoot: true
    runAsUser: 185
{{- end -}}

{{- define "headroom.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "headroom.labels" .root | nindent 4 }}
    {{- include "headroom.selectorLabels" (list .root .component) | nindent 4 }}
    headroom.dev/metrics: {{ .metrics | quote }}
spec:
  selector:
    {{- include "headroom.selectorLabels" (list .root .component) | nindent 4 }}
  ports:
    - {name: http, port: {{ .port }}, targetPort: http}
{{- end -}}
