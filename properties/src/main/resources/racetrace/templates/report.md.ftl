# ${invariant} violated in ${instance}

Found by `racetrace hunt` (seed ${seed}, try ${tryNumber}) and shrunk to ${measure}.

Scenario: ${scenario}

```
${table}```

Replay it (racetrace 0.1.0 or later):

```
racetrace replay '${schedule}'
```

## TLC

${tlc}

<#if tla != "-">
Files in this directory: `${tla}` (the trace as a TLA+ module; it EXTENDS `${spec}`, copied here),
`${cfg}` (constants and the invariant), `${json}` (states and actions as JSON).

TLC is the jar `${coordinates}` on Maven Central (TLC 2.18). To run it on the trace, in this
directory (with Java 11 or later, and Maven to fetch the jar):

```
mvn -q dependency:copy -Dartifact=${coordinates} -DoutputDirectory=. && ${tlcCommand}
```

<#else>
No TLA+ files were written for this counterexample.

</#if>
TLC's shortest counterexample for the same scenario: `racetrace tlc --from '${schedule}'`.
