"""Training the learned event linker (resolve.link_model) on annotated corpora:
pairs (pairs.py), a numpy logistic regression (logistic.py), leave-one-topic-out
cross-validation (cv.py) and the command's work (train.py)."""
