<#-- The closing summary of a hunt: one row per instance (violated: its smallest counterexample; held: what backs it; inconclusive: why). -->
== summary (seed ${seed}, strategy ${strategy}; measure = threads/ops/preemptions/steps after shrinking; (min): proven minimal among every scenario up to its threads and ops, (min/cfg): among those of its configuration, (min/scn): within its scenario)
${head}
<#list lines as line>
${line}
</#list>
${instances} instance<#if instances != 1>s</#if>: ${violated} violated, ${held} held, ${inconclusive} inconclusive; ${tries} random runs in ${total}
