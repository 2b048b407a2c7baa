------------------- MODULE CancelAllAlgoThrowCancelsSink -------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the algorithm's checks have teeth.   *)
(*                                                                         *)
(* When a listener throws, the sink reports the error and cancels itself   *)
(* (closes the generation and sweeps it, the thrower's call included)      *)
(* instead of cancelling that call only. Every call still ends once, and   *)
(* the faulted call is cancelled; what is wrong is that the others are.    *)
(* Expected: SC15_OwnCallOnly.                                             *)
(* Check with CancelAllAlgo.cfg and SPECIFICATION BrokenSpec.              *)
(***************************************************************************)
EXTENDS CancelAllAlgo

\* ReferenceSink.signal's `catch (Throwable thrown)` calling cancel(): release the call, report the
\* error, close the generation, and sweep it.
ThrowCancelsSink(t) ==
    /\ pc[t] = "throwing"
    /\ LET c == tcall[t]
           s == owner[c]
       IN /\ state' = [state EXCEPT ![c] = "idle"]
          /\ faulted' = [faulted EXCEPT ![c] = TRUE]
          /\ current' = [current EXCEPT ![s] = @ + 1]
          /\ csink' = [csink EXCEPT ![t] = s]
          /\ cgen' = [cgen EXCEPT ![t] = current[s]]
          /\ cmust' = [cmust EXCEPT ![t] = Registry(s, current[s])]
    /\ tcall' = [tcall EXCEPT ![t] = NoCall]
    /\ Goto(t, "sweep")
    /\ UNCHANGED <<owner, gen, linked, heard, idleCancels, tkind, tleft, cseen, fcall>>

BrokenSpec == Init /\ [][NextReplacing(LAMBDA t : pc[t] = "throwing", ThrowCancelsSink)]_vars
=============================================================================
