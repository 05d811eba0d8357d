#!/usr/bin/env python3
"""Writes XenFifo.tla: the hand-written header and invariants (XenFifo.tla.head) plus one
action per step label, generated from the table below so every action states all 30
variables (the frame conditions are the error-prone part). Run: python3 xenfifo_actions.py"""
import os

SHARED = "word prio nv lastv lastp tail owner head ready lhead lready dropped".split()
LOCALS = "pc opi port vc kq lv lp lv2 lp2 tmp wasP linked tries tl ws nfail cur nxt".split()

A = []  # (label, guard, shared updates {var: expr}, local updates {var: expr for thread t}, fin, next)


def act(label, nxt, guard=None, s=None, l=None, fin="FALSE", let=None):
    A.append((label, guard, s or {}, l or {}, fin, nxt, let))


P = "p"
setP = '[word EXCEPT ![p].P = TRUE]'
setL = '[word EXCEPT ![p].L = TRUE]'
claimL = dict(word=f'IF word[p].L THEN word ELSE {setL}', dropped='IF word[p].L THEN dropped ELSE dropped \\ {p}')
sp = dict(tries='IF c THEN 0 ELSE tries[t]', linked='IF c /\\ Version = "e2" THEN TRUE ELSE linked[t]')

# Xen port operations (notes 1.8)
act("X0_readNv", 'IF c THEN SPStart ELSE "XU1_clearMasked"', let='c == OpName(t) = "send"', l=dict(vc="nv[p]", **sp))
act("XU1_clearMasked", '"XU2_testPending"', s=dict(word='[word EXCEPT ![p].M = FALSE]'))
act("XU2_testPending", 'SPStart', let='c == word[p].P', fin='~c', l=dict(sp))
act("XP_writePrio", '"Done"', s=dict(prio='[prio EXCEPT ![p] = OpB(t)]'), fin="TRUE")
act("XB_writeNv", '"Done"', s=dict(nv='[nv EXCEPT ![p] = OpB(t)]'), fin="TRUE")
# a0 / a
act("A2_readPrio", '"A3_tasPending"', l=dict(kq="prio[p]"))
for lbl, nx in [("A3_tasPending", "A4_testMasked"), ("B1_tasPending", "B2_testMasked"),
                ("D1_tasPending", "D2_testMasked"), ("E4_tasPending", "E5_testMasked")]:
    act(lbl, f'"{nx}"', s=dict(word=setP), l=dict(wasP="word[p].P"))
for lbl, nx in [("A4_testMasked", "A5_tasLinked"), ("B2_testMasked", "B3_testLinked"), ("D2_testMasked", "D3_testLinked")]:
    act(lbl, f'"{nx}"', fin="word[p].M")
act("A5_tasLinked", '"A6_lockQ"', fin="word[p].L", s=dict(claimL))
for lbl, nx in [("A6_lockQ", "A7_readTail"), ("B10d_lockQ", "B11_readTail"), ("D8d_lockQ", "D9_readTail"),
                ("E1c_lockQ", "E1d_rereadLastq")]:
    act(lbl, f'"{nx}"', guard="Own(QQ(t)) = 0", s=dict(owner="SetOwn(QQ(t), t)"))
act("A7_readTail", 'IF x /= p THEN SLStart ELSE RetPc(FALSE)', let='x == tail[vc[t]][kq[t]]',
    l=dict(tl="x", linked="IF x /= p THEN linked[t] ELSE FALSE"))
for lbl, nx in [("A8_writeHead", "A9_writeTail"), ("B12_writeHead", "B13_writeTail"),
                ("D10_writeHead", "D11_writeTail"), ("E5d_writeHead", "E5e_writeTail")]:
    act(lbl, f'"{nx}"', s=dict(head="[head EXCEPT ![vc[t]][kq[t]] = p]"))
for lbl, nx in [("A9_writeTail", '"A10_unlockQ"'), ("B13_writeTail", '"B14_unlockQ"'),
                ("D11_writeTail", '"D12_unlockQ"'), ("E5e_writeTail", "E6Pc(t)")]:
    act(lbl, nx, s=dict(tail="[tail EXCEPT ![vc[t]][kq[t]] = p]"))
act("A10_unlockQ", '"A11_tasReady"', s=dict(owner="SetOwn(QQ(t), 0)"), fin='~(Version = "a0" \\/ ~linked[t])')
for lbl in ["A11_tasReady", "B15_tasReady", "D13_tasReady", "E7_tasReady"]:
    act(lbl, '"Done"', s=dict(ready="[ready EXCEPT ![vc[t]] = @ \\cup {kq[t]}]"), fin="TRUE")
# set_link (2.1)
for lbl, nx in [("SL1_readTail", "SL3_cas"), ("S1_readTail", "S3_cas")]:
    act(lbl, f'IF ~w.L THEN RetPc(FALSE) ELSE "{nx}"', let="w == W(tl[t])",
        l=dict(ws="w", linked="IF ~w.L THEN FALSE ELSE linked[t]"))
act("SL3_cas", 'IF ok THEN RetPc(TRUE) ELSE IF ~cw.L THEN RetPc(FALSE) ELSE "SL3_cas"',
    let="cw == W(tl[t])\n      ok == cw = ws[t]",
    s=dict(word="IF ok THEN [word EXCEPT ![tl[t]].LINK = p] ELSE word"),
    l=dict(ws="IF ok THEN ws[t] ELSE cw", linked="IF ok THEN TRUE ELSE IF ~cw.L THEN FALSE ELSE linked[t]"))
act("S3_cas", 'IF ok THEN RetPc(TRUE) ELSE "S4_setBusy"', let="cw == W(tl[t])\n      ok == cw = ws[t]",
    s=dict(word="IF ok THEN [word EXCEPT ![tl[t]] = LinkTo(cw, p)] ELSE word"),
    l=dict(ws="IF ok THEN ws[t] ELSE cw", linked="IF ok THEN TRUE ELSE linked[t]"))
act("S4_setBusy", '"S5_readTail"', s=dict(word="[word EXCEPT ![tl[t]].B = TRUE]"))
act("S5_readTail", 'IF w.L THEN "S6_cas" ELSE "S6_clearBusy"', let="w == W(tl[t])", l=dict(ws="w", nfail="0"))
act("S6_cas", 'IF ok THEN RetPc(TRUE) ELSE IF nfail[t] + 1 = 4 THEN "S7_clearBusy" ELSE IF cw.L THEN "S6_cas" ELSE "S6_clearBusy"',
    let="cw == W(tl[t])\n      ok == cw = ws[t]",
    s=dict(word="IF ok THEN [word EXCEPT ![tl[t]] = LinkTo(cw, p)] ELSE word"),
    l=dict(ws="IF ok THEN ws[t] ELSE cw", nfail="IF ok THEN nfail[t] ELSE nfail[t] + 1",
           linked="IF ok THEN TRUE ELSE linked[t]"))
act("S6_clearBusy", "RetPc(FALSE)", s=dict(word="[word EXCEPT ![tl[t]].B = FALSE]"), l=dict(linked="FALSE"))
act("S7_clearBusy", "RetPc(TRUE)", s=dict(word="[word EXCEPT ![tl[t]].B = FALSE]", dropped="dropped \\cup {p}"),
    l=dict(linked="TRUE"))
# b / c / d family
for lbl, nx in [("B3_testLinked", "B4_readPrio"), ("D3_testLinked", "D4_readPrio")]:
    act(lbl, f'"{nx}"', fin="word[p].L")
for lbl in ["B4_readPrio", "D4_readPrio"]:
    act(lbl, 'CASE Version = "b" -> "B5_readLastv" [] Version \\in {"c", "d", "d1"} -> "L1_readLastv" [] OTHER -> "L1_readLastq"',
        l=dict(kq="prio[p]"))
act("B5_readLastv", '"B6_readLastp"', l=dict(lv="lastv[p]"))
act("B6_readLastp", '"B7_lockOldQ"', l=dict(lp="lastp[p]"))
act("B7_lockOldQ", '"B8_setLinked"', guard="Own(OQ(t)) = 0", s=dict(owner="SetOwn(OQ(t), t)"))
act("B8_setLinked", '"B9_invalidateTail"', s=dict(word=setL, dropped="dropped \\ {p}"))
inval = dict(tail="IF tail[lv[t]][lp[t]] = p THEN [tail EXCEPT ![lv[t]][lp[t]] = 0] ELSE tail")
act("B9_invalidateTail", 'IF moved THEN "B10a_readNv" ELSE "B11_readTail"', let="moved == OQ(t) /= QQ(t)", s=dict(inval))
act("D7_invalidateTail",
    'IF ~moved THEN "D9_readTail" ELSE CASE Version = "d" -> "D8a_readNv" [] Version = "d1" -> "D8a_writeLastv" [] OTHER -> "D8_writeLastq"',
    let="moved == OQ(t) /= QQ(t)", s=dict(inval))
act("E5a_invalidateTail", 'IF moved THEN "E5b_writeLastq" ELSE "E5c_readTail"', let="moved == OQ(t) /= QQ(t)", s=dict(inval))
act("B10a_readNv", '"B10a_writeLastv"', l=dict(tmp="nv[p]"))
act("D8a_readNv", '"D8a_writeLastv"', l=dict(tmp="nv[p]"))
act("B10a_writeLastv", '"B10b_readPrio"', s=dict(lastv="[lastv EXCEPT ![p] = tmp[t]]"))
act("D8a_writeLastv", 'IF Version = "d" THEN "D8b_readPrio" ELSE "D8b_writeLastp"',
    s=dict(lastv='[lastv EXCEPT ![p] = IF Version = "d" THEN tmp[t] ELSE vc[t]]'))
act("B10b_readPrio", '"B10b_writeLastp"', l=dict(tmp="prio[p]"))
act("D8b_readPrio", '"D8b_writeLastp"', l=dict(tmp="prio[p]"))
act("B10b_writeLastp", '"B10c_unlockOldQ"', s=dict(lastp="[lastp EXCEPT ![p] = tmp[t]]"))
act("D8b_writeLastp", '"D8c_unlockOldQ"', s=dict(lastp='[lastp EXCEPT ![p] = IF Version = "d" THEN tmp[t] ELSE kq[t]]'))
act("D8_writeLastq", '"D8c_unlockOldQ"', s=dict(lastv="[lastv EXCEPT ![p] = vc[t]]", lastp="[lastp EXCEPT ![p] = kq[t]]"))
for lbl, nx in [("B10c_unlockOldQ", '"B10d_lockQ"'), ("D8c_unlockOldQ", '"D8d_lockQ"'),
                ("E1f_unlockOldQ", '"E1f_unlockQ"'), ("E6_unlockOldQ", '"E6_unlockQ"')]:
    act(lbl, nx, s=dict(owner="SetOwn(OQ(t), 0)"))
for lbl in ["B11_readTail", "D9_readTail", "E5c_readTail"]:
    act(lbl, "IF x /= 0 THEN SLStart ELSE RetPc(FALSE)", let="x == tail[vc[t]][kq[t]]",
        l=dict(tl="x", linked="IF x /= 0 THEN linked[t] ELSE FALSE"))
for lbl, nx in [("B14_unlockQ", "B15_tasReady"), ("D12_unlockQ", "D13_tasReady"), ("E6_unlockQ", "E7_tasReady")]:
    act(lbl, f'"{nx}"', s=dict(owner="SetOwn(QQ(t), 0)"), fin="linked[t]")
# lock_old_queue
act("L1_readLastv", '"L2_readLastp"', l=dict(lv="lastv[p]"))
act("L2_readLastp", '"L3_lockOldQ"', l=dict(lp="lastp[p]"))
act("L1_readLastq", '"L3_lockOldQ"', l=dict(lv="lastv[p]", lp="lastp[p]"))
act("L3_lockOldQ", 'IF Version = "e1" THEN "D6_tasLinked" ELSE "L4_rereadLastv"', guard="Own(OQ(t)) = 0",
    s=dict(owner="SetOwn(OQ(t), t)"))
act("L4_rereadLastv", '"L5_rereadLastp"', l=dict(lv2="lastv[p]"))
act("L5_rereadLastp", 'IF lv2[t] = lv[t] /\\ lastp[p] = lp[t] THEN (IF Version = "c" THEN "C8_tasLinked" ELSE "D6_tasLinked") ELSE "L7_unlockOldQ"',
    l=dict(lp2="lastp[p]"))
act("L7_unlockOldQ", '"L1_readLastv"', let='give == Version /= "c" /\\ tries[t] + 1 = 3', fin="give",
    s=dict(owner="SetOwn(OQ(t), 0)", dropped="IF give THEN dropped \\cup {p} ELSE dropped"), l=dict(tries="tries[t] + 1"))
act("C8_tasLinked", 'IF word[p].L THEN "C8_unlockOldQ" ELSE "B9_invalidateTail"', s=dict(claimL))
act("D6_tasLinked", 'IF word[p].L THEN "D6_unlockOldQ" ELSE "D7_invalidateTail"', s=dict(claimL))
for lbl in ["C8_unlockOldQ", "D6_unlockOldQ"]:
    act(lbl, '"Done"', s=dict(owner="SetOwn(OQ(t), 0)"), fin="TRUE")
# e2
act("E1a_readLastq", '"E1b_readPrio"', l=dict(lv="lastv[p]", lp="lastp[p]"))
act("E1b_readPrio", 'IF <<vc[t], prio[p]>> = OQ(t) THEN "E1c_lockQ" ELSE "E1c_lockFirst"', l=dict(kq="prio[p]"))
act("E1c_lockFirst", '"E1c_lockSecond"', guard="Own(Lower(t)) = 0", s=dict(owner="SetOwn(Lower(t), t)"))
act("E1c_lockSecond", '"E1d_rereadLastq"', guard="Own(Upper(t)) = 0", s=dict(owner="SetOwn(Upper(t), t)"))
act("E1d_rereadLastq", '"E1d_rereadPrio"', l=dict(lv2="lastv[p]", lp2="lastp[p]"))
act("E1d_rereadPrio", 'IF ok THEN "E4_tasPending" ELSE IF QQ(t) /= OQ(t) THEN "E1f_unlockOldQ" ELSE "E1f_unlockQ"',
    let="ok == prio[p] = kq[t] /\\ lv2[t] = lv[t] /\\ lp2[t] = lp[t]", l=dict(tmp="prio[p]"))
act("E1f_unlockQ", '"E1a_readLastq"', let="give == tries[t] + 1 = 3", fin="give",
    s=dict(owner="SetOwn(QQ(t), 0)", dropped="IF give THEN dropped \\cup {p} ELSE dropped"), l=dict(tries="tries[t] + 1"))
act("E5_testMasked", 'IF word[p].M THEN E6Pc(t) ELSE "E5_tasLinked"')
act("E5_tasLinked", 'IF word[p].L THEN E6Pc(t) ELSE "E5a_invalidateTail"', s=dict(claimL))
act("E5b_writeLastq", '"E5b_unlockOldQ"', s=dict(lastv="[lastv EXCEPT ![p] = vc[t]]", lastp="[lastp EXCEPT ![p] = kq[t]]"))
act("E5b_unlockOldQ", '"E5c_readTail"', s=dict(owner="SetOwn(OQ(t), 0)"), l=dict(lv="vc[t]", lp="kq[t]"))
# guest consumer (1.5)
act("G0_xchgReady", 'IF h /= 0 THEN "G5_clearLinked" ELSE "G4_readHead"', guard="ready[GuestV(t)] /= {}",
    let="v == GuestV(t)\n      k == Min(ready[v])\n      h == lhead[v][k]",
    s=dict(lready="[lready EXCEPT ![v] = ready[v]]", ready="[ready EXCEPT ![v] = {}]"),
    l=dict(kq="k", cur="IF h /= 0 THEN h ELSE cur[t]"))
act("G4_readHead", '"G5_clearLinked"', l=dict(cur="head[GuestV(t)][kq[t]]"))
act("G5_clearLinked", '"G7_testPending"', let="v == GuestV(t)\n      h == cur[t]\n      nx == W(h).LINK",
    s=dict(word="IF h /= 0 THEN [word EXCEPT ![h].L = FALSE, ![h].LINK = 0] ELSE word",
           lready="IF nx = 0 THEN [lready EXCEPT ![v] = @ \\ {kq[t]}] ELSE lready"), l=dict(nxt="nx"))
store = "[lhead EXCEPT ![GuestV(t)][kq[t]] = nxt[t]]"
act("G7_testPending", 'IF W(cur[t]).P THEN "G7_testMasked" ELSE "G9_xchgReady"',
    s=dict(lhead=f"IF W(cur[t]).P THEN lhead ELSE {store}"))
act("G7_testMasked", 'IF W(cur[t]).M THEN "G9_xchgReady" ELSE "G7_ackPending"',
    s=dict(lhead=f"IF W(cur[t]).M THEN {store} ELSE lhead"))
act("G7_ackPending", '"G9_xchgReady"', s=dict(word="[word EXCEPT ![cur[t]].P = FALSE]", lhead=store))
act("G9_xchgReady", 'IF h /= 0 THEN "G5_clearLinked" ELSE "G4_readHead"',
    let="v == GuestV(t)\n      lr == lready[v] \\cup ready[v]\n      k == IF lr = {} THEN kq[t] ELSE Min(lr)\n      h == IF lr = {} THEN 0 ELSE lhead[v][k]",
    fin="lr = {}", s=dict(lready="[lready EXCEPT ![v] = lr]", ready="[ready EXCEPT ![v] = {}]"),
    l=dict(kq="k", cur="IF h /= 0 THEN h ELSE cur[t]"))
# guest mask / unmask (1.6)
act("U0_setMasked", '"Done"', s=dict(word="[word EXCEPT ![p].M = TRUE]"), fin="TRUE")
act("U1_clearMasked", '"U2_testPending"', guard="~word[p].B", s=dict(word="[word EXCEPT ![p].M = FALSE]"))
act("U2_testPending", '"X0_readNv"', fin="~word[p].P")
act("U1c_clearMaskedCond", '"X0_readNv"', guard="~(word[p].M /\\ ~word[p].P /\\ word[p].B)",
    s=dict(word="IF word[p].M /\\ ~word[p].P THEN [word EXCEPT ![p].M = FALSE] ELSE word"),
    fin="~word[p].M \\/ ~word[p].P")


def emit(a):
    label, guard, s, l, fin, nxt, let = a
    lets = ["p == port[t]"] + ([let] if let else [])
    out = [f"{label}(t) ==", "  LET " + "\n      ".join(lets), "  IN"]
    out.append(f'  /\\ pc[t] = "{label}"')
    if guard:
        out.append(f"  /\\ {guard}")
    for v in SHARED:
        if v in s:
            out.append(f"  /\\ {v}' = {s[v]}")
    if fin == "FALSE":
        out.append(f"  /\\ pc' = [pc EXCEPT ![t] = {nxt}]")
    elif fin == "TRUE":
        out.append("  /\\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]")
        out.append("  /\\ opi' = [opi EXCEPT ![t] = opi[t] + 1]")
        out.append("  /\\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]")
    else:
        out.append(f"  /\\ pc' = [pc EXCEPT ![t] = IF {fin} THEN StartPc(t, opi[t] + 1) ELSE {nxt}]")
        out.append(f"  /\\ opi' = [opi EXCEPT ![t] = IF {fin} THEN opi[t] + 1 ELSE opi[t]]")
        out.append(f"  /\\ port' = [port EXCEPT ![t] = IF {fin} THEN PortAt(t, opi[t] + 1) ELSE port[t]]")
    for v in LOCALS[3:]:
        if v in l:
            out.append(f"  /\\ {v}' = [{v} EXCEPT ![t] = {l[v]}]")
    same = [v for v in SHARED if v not in s]
    same += [v for v in LOCALS if v not in l and not (v in ("opi", "port") and fin != "FALSE") and v != "pc"]
    out.append("  /\\ UNCHANGED <<" + ", ".join(same) + ">>")
    return "\n".join(out)


here = os.path.dirname(os.path.abspath(__file__))
labels = [a[0] for a in A]
assert len(labels) == len(set(labels)), "duplicate label"
with open(os.path.join(here, "XenFifo.tla.head")) as f:
    head = f.read()
body = "\n\n".join(emit(a) for a in A)
step = "Step(t) ==\n    " + "\n    ".join("\\/ " + a[0] + "(t)" for a in A)
labelset = "Labels == {" + ", ".join('"' + x + '"' for x in labels) + "}"
tail = """
\\* An execution that has ended stutters, so TLC reports only real deadlocks.
Terminated == (\\A t \\in Threads : Finished(t)) /\\ UNCHANGED vars

Next == (\\E t \\in Threads : Step(t)) \\/ Terminated

Spec == Init /\\ [][Next]_vars

=============================================================================
"""
with open(os.path.join(here, "XenFifo.tla"), "w") as f:
    f.write(head.replace("\\* @@ACTIONS@@", "\\* ---- Generated by xenfifo_actions.py: one action per step label ----\n\n"
                         + labelset + "\n\n" + body + "\n\n" + step + "\n" + tail))
print(len(A), "actions")
