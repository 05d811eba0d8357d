# What TLC reports for each MC* model of this directory: breadth-first, one worker, the model's
# own .cfg; for a violation, the distinct states found when it stopped. ${prefix}SpecTest runs TLC
# on every line: after a change of the spec, look at what changed, then record it here.
# model                      verdict    invariant          distinct states
${("MC" + module + "Buggy")?right_pad(26)} violated   NoLostUpdate       12
${("MC" + module + "Fixed")?right_pad(26)} held       -                  217
