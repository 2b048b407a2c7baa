------------------- MODULE CancelAllAlgoSendBeforeUnlink -------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* ReferenceSink.end sends the final callback first and unlinks the call   *)
(* from its registry slot afterwards: while the listener runs onCompleted  *)
(* (for as long as it likes), the sink still references the finished call. *)
(* Every call ends once and is unlinked in the end, so a check made only   *)
(* when all threads are idle passes.                                       *)
(* Expected: SC13_NoRetention ("at once").                                 *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* At "unlink": first the final callback ...
SendFirst(t) ==
    /\ pc[t] = "unlink" /\ FinalCount(heard[fcall[t]]) = 0
    /\ heard' = [heard EXCEPT ![fcall[t]] = Append(@, state[fcall[t]])]
    /\ UNCHANGED <<current, owner, gen, state, linked, faulted, locals>>

\* ... then Registry.remove, and on as SendFinal would.
UnlinkAfter(t) ==
    /\ pc[t] = "unlink" /\ FinalCount(heard[fcall[t]]) = 1
    /\ linked' = [linked EXCEPT ![fcall[t]] = FALSE]
    /\ Goto(t, IF csink[t] # NoSink THEN "sweep" ELSE "idle")
    /\ fcall' = [fcall EXCEPT ![t] = NoCall]
    /\ UNCHANGED <<current, owner, gen, state, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust, cseen>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "unlink", LAMBDA t : SendFirst(t) \/ UnlinkAfter(t))]_vars
=============================================================================
