<#-- The comparison page in Markdown (ComparisonPage); index.html.ftl says the same in HTML. -->
# racetrace: every version, every invariant

${instances} instance<#if instances != 1>s</#if> hunted (seed ${seeds?join(", ")}; strategy ${strategies?join(", ")}), ${counterexamples} counterexample<#if counterexamples != 1>s</#if>.
A violated cell links to the counterexample's bundle (`report.md`, the swimlanes `trace.svg`, the ITF trace, the TLA+ trace)
and gives its measure, threads/ops/preemptions/steps; a held cell links to the evidence that backs it.
<#list models as model>

## ${model.name}
<#list model.groups as g>
<#if g.key?has_content>

Options ${g.key}:
</#if>

| invariant |<#list g.columns as c> ${c.variant} |</#list>
|---|<#list g.columns as c>---|</#list>
<#list g.rows as row>
| ${row.invariant} |<#list row.cells as cell> <#if cell.mdHref?has_content>[${cell.text}](${cell.mdHref})<#else>${cell.text}</#if> |</#list>
</#list>

The options each column was searched under (${assumptionsNote}):

<#list g.columns as c>
* ${c.instance}: <#if c.assumptions?has_content>${c.assumptions?join(", ")}<#else>nothing assumed</#if>
</#list>
<#if g.changes?has_content>

What each change did:

<#list g.changes as ch>
* ${ch.fromVariant} to ${ch.toVariant}: <#if ch.removed?has_content>removed <#list ch.removed as x>[${x.invariant}](${x.href}) (${x.measure})${x.note}<#sep>, </#list><#else>removed none</#if>; <#if ch.added?has_content>added <#list ch.added as x>[${x.invariant}](${x.href}) (${x.measure})${x.note}<#sep>, </#list><#else>added none</#if><#if ch.still?has_content>; still violated: ${ch.still?join(", ")}</#if>
</#list>
</#if>
</#list>
</#list>
<#if bundles?has_content>

## Counterexamples
<#list bundles as b>

### ${b.invariant} in ${b.instance}

${b.explanation}.

Rests on: <#if b.assumptions?has_content>${b.assumptions?join("; ")}<#else>no assumption (it holds under every value of the model's options)</#if>.

<#if b.dir?has_content>[report](${b.dir}/report.md) · [swimlanes](${b.dir}/trace.svg) · [ITF trace](${b.dir}/trace.itf.json) · measure ${b.measure}<#else>measure ${b.measure} (no bundle written)</#if>
</#list>
</#if>
<#if held?has_content>

## Held verdicts and their evidence
<#list held as h>

### ${h.instance}

${h.invariants?join(", ")}<#if h.cutShort?has_content>: inconclusive (not violated in the work done, which backs no verdict): ${h.evidence}; ${h.cutShort}<#else> held: ${h.evidence}</#if>.
Assumed: <#if h.assumptions?has_content>${h.assumptions?join(", ")}<#else>nothing</#if>.
</#list>
</#if>
