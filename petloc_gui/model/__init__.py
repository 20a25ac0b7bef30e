"""TensorFlow/Keras layer: networks, data pipeline, training, inference, model bundles. No Qt."""
