# Helper module: half of an import cycle (not a test itself).
done = False
import helpermod_cycle_b
b_saw = helpermod_cycle_b.saw_a_done
done = True
