-------------------- MODULE CancelAllNoCancelInCallback --------------------
(***************************************************************************)
(* DELIBERATELY BROKEN: kept to prove the CI configuration catches it.     *)
(*                                                                         *)
(* A behaviour removed rather than changed: the listener can no longer     *)
(* cancel its sink from inside a callback (as WMI forbids). Every rule     *)
(* holds on what is left, so no property fails; what changes is the state *)
(* graph, which the configuration's exact counts pin.                      *)
(* Expected: the state counts of CancelAll.cfg change (SC-16's behaviour   *)
(* is gone).                                                               *)
(* Check with CancelAll.cfg and SPECIFICATION BrokenSpec.                  *)
(***************************************************************************)
EXTENDS CancelAll

BrokenNext == ClientStep \/ ProviderStep \/ \E c \in Calls : ListenerThrows(c)

BrokenSpec == Init /\ [][BrokenNext]_vars /\ Fairness
=============================================================================
