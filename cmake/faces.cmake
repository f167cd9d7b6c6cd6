# cmake/faces.cmake — reads the faces Galley ships from wasm/core/text/faces.def, the one list of them (C++ includes
# the same file), and sets:
#   GALLEY_FACE_FILES  their file names without extension, in FontStyle order (the fonts to subset into dist/fonts)
#   GALLEY_FACES_JS    a JavaScript module that gives the page the same list (copied into dist/ as faces.js)
set(GALLEY_FACES_DEF "${CMAKE_SOURCE_DIR}/wasm/core/text/faces.def")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GALLEY_FACES_DEF}")
file(STRINGS "${GALLEY_FACES_DEF}" galley_face_lines REGEX "^GALLEY_FACE\\(")
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
set(GALLEY_FACES_JS "${CMAKE_BINARY_DIR}/generated/faces.js")
file(CONFIGURE OUTPUT "${GALLEY_FACES_JS}" CONTENT "// faces.js — written by the build from wasm/core/text/faces.def: the faces Galley ships, indexed by C++'s
// FontStyle (what galley_add_font, galley_faces_used and the text layer's \"f\" number).
export const FACES = Object.freeze([
@galley_faces_entries@]);
" @ONLY)
