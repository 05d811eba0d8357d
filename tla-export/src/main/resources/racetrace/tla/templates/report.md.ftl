# ${invariant} violated in ${instance}

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

Replay it (racetrace 0.1.0 or later):

```
racetrace replay${replayOptions} '${schedule}'
```

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
