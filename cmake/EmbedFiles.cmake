# keyuan_embed_files(<out.cpp> <function> <file>...)
# Generates a C++ source that returns the files' contents as (name, text) pairs, so that
# migrations and reference data travel inside the one binary.
function(keyuan_embed_files out_cpp function_name)
  set(inputs ${ARGN})
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DFUNCTION=${function_name} "-DINPUTS=${inputs}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/embed_files_script.cmake
    COMMENT "Embedding ${function_name}"
    VERBATIM)
endfunction()
