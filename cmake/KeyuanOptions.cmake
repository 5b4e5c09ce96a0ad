# Compile options shared by every keyuan target, applied through an interface library
# so that nothing leaks into third-party code.
add_library(keyuan_options INTERFACE)
# Designated initializers omit fields on purpose; GCC 12 would warn for each one left out.
target_compile_options(keyuan_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
# Batched ("unity") builds compile several sources as one: three to four times faster from a cold
# cache, which is what CI has (presets ci, tsan, fuzz). GCC then warns about unnamed-namespace types
# in coroutine frames of a file that is not the batch's main file (-Wsubobject-linkage): harmless
# there, as every batch is one translation unit of its own. scripts/check-unity.py keeps the
# unnamed-namespace names of one target's files apart, so that any batching compiles.
if(CMAKE_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(keyuan_options INTERFACE -Wno-subobject-linkage)
endif()
if(KEYUAN_WERROR)
  target_compile_options(keyuan_options INTERFACE -Werror)
endif()
# Asio's coroutine support and Boost.JSON as a linked library, not header-only.
target_compile_definitions(keyuan_options INTERFACE BOOST_ASIO_NO_DEPRECATED BOOST_ASIO_DISABLE_CONCEPTS)
if(KEYUAN_SANITIZE)
  target_compile_options(keyuan_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                   -fno-omit-frame-pointer)
  target_compile_definitions(keyuan_options INTERFACE _GLIBCXX_ASSERTIONS)
  target_link_options(keyuan_options INTERFACE -fsanitize=address,undefined)
endif()
if(KEYUAN_TSAN)
  target_compile_options(keyuan_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(keyuan_options INTERFACE -fsanitize=thread)
endif()
if(KEYUAN_FUZZ)
  target_compile_options(keyuan_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                   -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(keyuan_options INTERFACE -fsanitize=address,undefined)
endif()
