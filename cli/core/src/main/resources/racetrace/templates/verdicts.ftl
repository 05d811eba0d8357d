== verdicts (measure = threads/ops/preemptions/steps after shrinking; (min): proven minimal among every scenario up to its threads and ops, (min/cfg): among those of its configuration, (min/scn): within its scenario)
${head}
<#list lines as line>
${line}
</#list>
${tries} random runs in ${total} ms
