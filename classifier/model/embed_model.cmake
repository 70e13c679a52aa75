# Writes a C++ source that holds the model file as one string, so `mailroom` needs no model path.
# Run by the build (cmake -DIN=doctype.model -DOUT=doc_type_model_embedded.cpp -P embed_model.cmake)
# whenever the model file changes. The model is ASCII (features are folded text), so a raw string
# literal carries it unchanged; the delimiter cannot occur in it.
file(READ "${IN}" model)
file(WRITE "${OUT}.tmp"
  "// Generated from ${IN} by embed_model.cmake. Do not edit.\n"
  "namespace mailroom::classifier {\n"
  "extern const char kEmbeddedDocTypeModel[];\n"
  "const char kEmbeddedDocTypeModel[] = R\"mailroom_model(${model})mailroom_model\";\n"
  "}  // namespace mailroom::classifier\n")
file(RENAME "${OUT}.tmp" "${OUT}")
