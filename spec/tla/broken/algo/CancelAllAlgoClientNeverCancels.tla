------------------ MODULE CancelAllAlgoClientNeverCancels ------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the liveness checks have teeth, and  *)
(* that a temporal failure names every property that really failed.       *)
(*                                                                         *)
(* The algorithm with the client's fairness dropped: cancel may be called  *)
(* but nobody keeps calling it, so a call whose provider never finishes    *)
(* stays pending for ever. That breaks SC-10 (every call ends) and the     *)
(* abstract spec's fairness (the client keeps cancelling), i.e. the        *)
(* refinement. TLC says only "temporal properties were violated"; the      *)
(* runner re-checks each and names both.                                   *)
(* Check with CancelAllAlgoLive.cfg and SPECIFICATION BrokenLiveSpec.      *)
(***************************************************************************)
EXTENDS CancelAllAlgo

BrokenLiveSpec == Init /\ [][Next]_vars /\ \A t \in Threads : WF_vars(ThreadStep(t))
=============================================================================
