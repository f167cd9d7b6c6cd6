# cmake/faces.cmake — reads the faces Galley ships and their slices from wasm/core/text/faces.def, the one list of
# them (C++ includes the same file), and sets:
#   GALLEY_FACE_FILES      the faces' file names without extension, in FontStyle order
#   GALLEY_SLICE_LAST      the last slice's index (FontSlice order); for each slice N, GALLEY_SLICE_N_SUFFIX its file
#                          suffix ("" for the first) and GALLEY_SLICE_N_UNICODES its ranges ("U+0400-052F,...")
#   GALLEY_FACES_JS        a JavaScript module that gives the page the same lists (copied into dist/ as faces.js)
set(GALLEY_FACES_DEF "${CMAKE_SOURCE_DIR}/wasm/core/text/faces.def")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GALLEY_FACES_DEF}")
file(STRINGS "${GALLEY_FACES_DEF}" galley_face_lines REGEX "^GALLEY_FACE\\(")
file(STRINGS "${GALLEY_FACES_DEF}" galley_slice_lines REGEX "^GALLEY_SLICE\\(")
set(GALLEY_FACE_FILES)
set(galley_faces_entries "")
foreach(line ${galley_face_lines})
  if(NOT line MATCHES "^GALLEY_FACE\\(([A-Za-z]+), \"([^\"]+)\", \"([^\"]+)\", \"([^\"]+)\", ([0-9]+), (true|false)\\)$")
    message(FATAL_ERROR "faces.def: cannot read `${line}`")
  endif()
  list(APPEND GALLEY_FACE_FILES "${CMAKE_MATCH_2}")
  string(APPEND galley_faces_entries "  { style: '${CMAKE_MATCH_1}', file: '${CMAKE_MATCH_2}', family: '${CMAKE_MATCH_3}', "
         "generic: '${CMAKE_MATCH_4}', weight: ${CMAKE_MATCH_5}, italic: ${CMAKE_MATCH_6} },\n")
endforeach()
set(galley_slice_count 0)
set(galley_slices_entries "")
foreach(line ${galley_slice_lines})
  if(NOT line MATCHES "^GALLEY_SLICE\\(([A-Za-z]+), \"([.a-z-]*)\", \"(U\\+[0-9A-F]+(-[0-9A-F]+)?(,U\\+[0-9A-F]+(-[0-9A-F]+)?)*)\"\\)$")
    message(FATAL_ERROR "faces.def: cannot read `${line}`")
  endif()
  set(GALLEY_SLICE_${galley_slice_count}_SUFFIX "${CMAKE_MATCH_2}")
  set(GALLEY_SLICE_${galley_slice_count}_UNICODES "${CMAKE_MATCH_3}")
  math(EXPR galley_slice_count "${galley_slice_count} + 1")
  string(APPEND galley_slices_entries "  { slice: '${CMAKE_MATCH_1}', suffix: '${CMAKE_MATCH_2}', unicodeRange: '${CMAKE_MATCH_3}' },\n")
endforeach()
math(EXPR GALLEY_SLICE_LAST "${galley_slice_count} - 1")
set(GALLEY_FACES_JS "${CMAKE_BINARY_DIR}/generated/faces.js")
file(CONFIGURE OUTPUT "${GALLEY_FACES_JS}" CONTENT "// faces.js — written by the build from wasm/core/text/faces.def: the faces Galley ships, indexed by C++'s
// FontStyle, and the slices each is cut into, indexed by FontSlice. A face mask's bit is slice * FACES.length + style
// (galley_faces_used, galley_add_font); the text layer's \"f\" is a style.
export const FACES = Object.freeze([
@galley_faces_entries@]);
export const SLICES = Object.freeze([
@galley_slices_entries@]);
" @ONLY)
