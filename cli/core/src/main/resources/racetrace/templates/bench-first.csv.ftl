instance,strategy,seeds,found,median_ms,p10_ms,p90_ms,worst_ms
<#list first as r>
${r.instance},${r.strategy},${r.seeds},${r.found},${r.median},${r.p10},${r.p90},${r.max}
</#list>
