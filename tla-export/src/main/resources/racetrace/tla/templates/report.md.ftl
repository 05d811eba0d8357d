# ${invariant} violated in ${instance}

${explanation}.

Found by ${origin} and shrunk to ${measure}.
<#if assumptions?has_content>

It rests on these assumptions (with any other value, no interleaving of this scenario violates ${invariant}):

<#list assumptions as a>
* ${a}
</#list>
</#if>

Scenario: ${scenario}

```
${table}```
<#if bundle>

![The counterexample as swimlanes: one lane per thread, the racing steps in red](${svg})

`${svg}` draws the same run: one lane per thread, the racing steps in red, each preemption a
dashed line. `${itf}` is the run in the Informal Trace Format (Apalache, Quint); `bundle.json`
says what the bundle was made from.
</#if>

Replay it (racetrace 0.1.0 or later):

```
racetrace replay${replayOptions} '${schedule}'
```
<#if bundle>

The whole bundle replays too: give `replay`${replayOptions?has_content?then(" (with" + replayOptions + ")", "")} the path of the directory that holds this
report (`.` from inside it). It is refused, with what changed, when the model is no longer the one
it was made with.
</#if>

## TLC

${tlc}
<#if exported>

Files <#if traceDir == ".">in this directory<#else>in `${traceDir}/`</#if>: `${tla}` (the trace as a TLA+ module<#if spec != "-">; it EXTENDS `${spec}`, copied there</#if>),
`${cfg}` (constants and the invariant), `${json}` (states and actions as JSON).

TLC is the jar `${coordinates}` on Maven Central (TLC 2.18). To run it on the trace, in the directory
of this report (with Java 11 or later, and Maven to fetch the jar):

```
<#if traceDir != ".">cd ${traceDir} && </#if>mvn -q dependency:copy -Dartifact=${coordinates} -DoutputDirectory=. && ${tlcCommand}
```
</#if>
<#if hasSpec>

TLC's shortest counterexample for the same scenario: `racetrace tlc --from '${schedule}'${replayOptions}`.
</#if>
