<#ftl output_format="HTML">
<#-- The comparison page (ComparisonPage): self-contained, no script, no style or font from elsewhere. -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>racetrace: every version, every invariant</title>
<style>
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em; color: #24292f; max-width: 80em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
table.matrix { border-collapse: collapse; margin: 1em 0; }
table.matrix th, table.matrix td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
table.matrix th.version { font-family: monospace; }
td.violated { background: #ffebe9; } td.violated a { color: #a40e26; font-weight: bold; }
td.held { background: #dafbe1; } td.held a { color: #116329; }
td.cut { background: #fff8c5; } td.unchecked { color: #8c959f; }
.options { font-weight: normal; color: #57606a; font-size: .85em; }
.small { font-size: .85em; } .sentence { font-style: italic; }
ul.changes li { margin: .3em 0; }
code, .mono { font-family: monospace; }
</style>
</head>
<body>
<h1>racetrace: every version, every invariant</h1>
<p>${instances} instance<#if instances != 1>s</#if> hunted (seed ${seeds?join(", ")}; strategy ${strategies?join(", ")}), ${counterexamples} counterexample<#if counterexamples != 1>s</#if>.
A violated cell links to the counterexample's bundle (<code>report.md</code>, the swimlanes <code>trace.svg</code>, the ITF trace, the TLA+ trace)
and gives its measure, threads/ops/preemptions/steps; a held cell links to the evidence that backs it.</p>
<#list models as model>
<h2 id="${model.anchor}">${model.name}</h2>
<#list model.groups as g>
<#if g.key?has_content><p>Options ${g.key}:</p></#if>
<table class="matrix">
<tr><th>invariant</th><#list g.columns as c><th class="version">${c.variant}<br><span class="options">${c.options}</span></th></#list></tr>
<#list g.rows as row>
<tr><th>${row.invariant}</th><#list row.cells as cell><td class="${cell.kind}" title="${cell.title}"><#if cell.href?has_content><a href="${cell.href}">${cell.text}</a><#else>${cell.text}</#if><#if cell.svg?has_content> <a class="small picture" href="${cell.svg}">picture</a></#if></td></#list></tr>
</#list>
<tr><th class="small">options</th><#list g.columns as c><td class="small assumptions"><#if c.assumptions?has_content>${c.assumptions?join(", ")}<#else>nothing</#if></td></#list></tr>
</table>
<p class="small">The options each column was searched under; ${assumptionsNote}.</p>
<#if g.changes?has_content>
<p>What each change did:</p>
<ul class="changes">
<#list g.changes as ch>
<li><span class="mono">${ch.fromVariant}</span> to <span class="mono">${ch.toVariant}</span>: <#if ch.removed?has_content>removed <#list ch.removed as x><a class="removed" href="${x.href}">${x.invariant}</a> (${x.measure})${x.note}<#sep>, </#list><#else>removed none</#if>; <#if ch.added?has_content>added <#list ch.added as x><a class="added" href="${x.href}">${x.invariant}</a> (${x.measure})${x.note}<#sep>, </#list><#else>added none</#if><#if ch.still?has_content>; still violated: ${ch.still?join(", ")}</#if></li>
</#list>
</ul>
</#if>
</#list>
</#list>
<#if bundles?has_content>
<h2 id="counterexamples">Counterexamples</h2>
<#list bundles as b>
<h3 id="${b.anchor}">${b.invariant} in <span class="mono">${b.instance}</span></h3>
<p class="sentence">${b.explanation}.</p>
<p class="small assumptions">Rests on: <#if b.assumptions?has_content>${b.assumptions?join("; ")}<#else>no assumption (it holds under every value of the model's options)</#if>.</p>
<p class="small"><#if b.dir?has_content><a class="bundle" href="${b.dir}/report.md">report</a> · <a class="picture" href="${b.dir}/trace.svg">swimlanes</a> · <a href="${b.dir}/trace.itf.json">ITF trace</a> · </#if>measure ${b.measure}</p>
</#list>
</#if>
<#if held?has_content>
<h2 id="held">Held verdicts and their evidence</h2>
<#list held as h>
<h3 id="${h.anchor}" class="mono">${h.instance}</h3>
<p>${h.invariants?join(", ")}<#if h.cutShort?has_content>: inconclusive (not violated in the work done, which backs no verdict): ${h.evidence}; ${h.cutShort}<#else> held: ${h.evidence}</#if>.<br>
<span class="small">Assumed: <#if h.assumptions?has_content>${h.assumptions?join(", ")}<#else>nothing</#if>.</span></p>
</#list>
</#if>
</body>
</html>
