"""Small trained parts: sentence embeddings, a numpy logistic regression, and the
versioned artefacts that hold the weights. A bottom service: it imports numpy,
onnxruntime and tokenizers, the domain model and the error tree, never nlp/ or resolve/.
"""
