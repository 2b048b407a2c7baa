--------------- MODULE CancelAllAlgoSweepInterruptsCallback ---------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* cancel's sweep ends a call whose callback is running exactly as it ends *)
(* an idle one (a CAS to CANCELLED, then onCancelled on the cancelling     *)
(* thread), instead of leaving the final to the thread in the callback:    *)
(* onCancelled runs while onObject of the same call is still running.      *)
(* Expected: SC09_SerialCallbacks.                                         *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.sweep with `cas(BUSY, CANCELLED)` and sendFinal in place of `cas(BUSY, BUSY_CANCEL)`.
SweepEndsBusyToo(t) ==
    \E c \in Calls :
        \/ state[c] # "busy" /\ CancelSweep(t, c)
        \/ /\ state[c] = "busy" /\ pc[t] = "sweep" /\ c \in Registry(csink[t], cgen[t]) \ cseen[t]
           /\ cseen' = [cseen EXCEPT ![t] = @ \cup {c}]
           /\ linked' = [linked EXCEPT ![c] = FALSE]
           /\ state' = [state EXCEPT ![c] = "cancelled"]
           /\ fcall' = [fcall EXCEPT ![t] = c]
           /\ Goto(t, "send")
           /\ UNCHANGED <<current, owner, gen, heard, faulted, idleCancels, tcall, tkind, tleft, csink, cgen, cmust>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "sweep" /\ cseen'[t] # cseen[t], SweepEndsBusyToo)]_vars
=============================================================================
