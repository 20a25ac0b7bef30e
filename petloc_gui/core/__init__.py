"""Qt-free, TensorFlow-free data layer: boxes, VOC XML, dataset folders, images, metrics."""
