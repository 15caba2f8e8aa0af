"""Each lesson's computations that its views and its questions both use (no drawing, no
widgets): questions import them from here, never from the views."""
