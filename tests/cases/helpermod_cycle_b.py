# Helper module: other half of an import cycle (not a test itself).
import helpermod_cycle_a
saw_a_done = helpermod_cycle_a.done
