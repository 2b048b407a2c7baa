------------------- MODULE CancelAllAlgoSharedGeneration -------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* The registry is keyed by generation number alone, and every sink        *)
(* numbers its generations from 0: the sweep of s1's closed generation     *)
(* also visits the calls of s2 that have the same number, and cancels      *)
(* them (clearing each slot it cancels, as an earlier drain did). Each     *)
(* step looks like a sweep; what is wrong is whose calls it ends.          *)
(* Expected: SC02_NeverOthers, judged by the sink the cancel acts on (at   *)
(* two sinks; a state-only check would see a cancel of s2).                *)
(* Check with CancelAllAlgoSinks.cfg and SPECIFICATION BrokenSpec.         *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* The calls in generation g of any sink.
NumberedRegistry(g) == {c \in Calls : owner[c] \in Sinks /\ gen[c] = g /\ linked[c]}

\* ReferenceSink.sweep over NumberedRegistry instead of the sink's own generation.
SweepByNumber(t) ==
    \E c \in Calls :
        /\ pc[t] = "sweep" /\ c \in NumberedRegistry(cgen[t]) \ cseen[t]
        /\ cseen' = [cseen EXCEPT ![t] = @ \cup {c}]
        /\ CASE state[c] = "idle" -> /\ state' = [state EXCEPT ![c] = "cancelled"]
                                     /\ linked' = [linked EXCEPT ![c] = FALSE]
                                     /\ fcall' = [fcall EXCEPT ![t] = c] /\ Goto(t, "send")
             [] state[c] = "busy" -> state' = [state EXCEPT ![c] = "busycancel"] /\ UNCHANGED <<pc, fcall, linked>>
             [] OTHER -> UNCHANGED <<state, pc, fcall, linked>>
        /\ UNCHANGED <<current, owner, gen, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "sweep" /\ cseen'[t] # cseen[t], SweepByNumber)]_vars
=============================================================================
