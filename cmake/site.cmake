# cmake/site.cmake — the viewer as a static site in ${GALLEY_DIST} (wasm builds only; included after wasm/): page,
# loader, sample bundles, fonts (subset at build time when pyftsubset is there), hyphenation patterns, and
# pre-compressed copies of every file.
if(EMSCRIPTEN)
  file(GLOB GALLEY_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
  file(GLOB GALLEY_ASSET_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/*.json")
  set(dist_outputs)
  list(FILTER GALLEY_WEB_FILES EXCLUDE REGEX "/README\\.md$")  # web/README.md documents the folder
  list(FILTER GALLEY_WEB_FILES EXCLUDE REGEX "/package\\.json$")  # tells Node the folder is ES modules
  foreach(f ${GALLEY_WEB_FILES})
    get_filename_component(name "${f}" NAME)
    if(name MATCHES "\\.js$")  # without their whole-line comments (scripts/strip-comments.py says why)
      add_custom_command(OUTPUT "${GALLEY_DIST}/${name}"
        COMMAND "${GALLEY_ANY_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/strip-comments.py" "${f}" "${GALLEY_DIST}/${name}"
        DEPENDS "${f}" "${CMAKE_SOURCE_DIR}/scripts/strip-comments.py" VERBATIM)
    else()
      add_custom_command(OUTPUT "${GALLEY_DIST}/${name}" COMMAND ${CMAKE_COMMAND} -E copy "${f}" "${GALLEY_DIST}/${name}"
                         DEPENDS "${f}" VERBATIM)
    endif()
    list(APPEND dist_outputs "${GALLEY_DIST}/${name}")
  endforeach()
  foreach(f ${GALLEY_ASSET_FILES})
    get_filename_component(name "${f}" NAME)
    add_custom_command(OUTPUT "${GALLEY_DIST}/bundles/${name}"
                       COMMAND ${CMAKE_COMMAND} -E copy "${f}" "${GALLEY_DIST}/bundles/${name}" DEPENDS "${f}" VERBATIM)
    list(APPEND dist_outputs "${GALLEY_DIST}/bundles/${name}")
  endforeach()
  add_custom_command(OUTPUT "${GALLEY_DIST}/faces.js" COMMAND ${CMAKE_COMMAND} -E copy "${GALLEY_FACES_JS}" "${GALLEY_DIST}/faces.js"
                     DEPENDS "${GALLEY_FACES_JS}" VERBATIM)
  list(APPEND dist_outputs "${GALLEY_DIST}/faces.js")
  # Every style's file of every slice, once (styles may share a script's face: Italic's Arabic is Regular's).
  set(font_outputs)
  foreach(slice RANGE ${GALLEY_SLICE_LAST})
    foreach(font ${GALLEY_SLICE_${slice}_SOURCES})
      set(dst "${GALLEY_DIST}/fonts/${font}${GALLEY_SLICE_${slice}_SUFFIX}.ttf")
      if(dst IN_LIST font_outputs)
        continue()
      endif()
      if(GALLEY_SLICE_${slice}_CJK)
        galley_cjk_font_command("${font}" "${GALLEY_SLICE_${slice}_SUFFIX}" "${GALLEY_SLICE_${slice}_INDEX}"
                                "${GALLEY_SLICE_${slice}_UNICODES_FILE}" "${GALLEY_DIST}/fonts" dst)
        if(NOT dst)
          message(WARNING "neither hb-subset nor pyftsubset: no CJK slices in dist/fonts")
          continue()
        endif()
      else()
        galley_font_command("${font}" "${GALLEY_SLICE_${slice}_SUFFIX}" "${GALLEY_SLICE_${slice}_UNICODES}"
                            "${GALLEY_DIST}/fonts" dst)
      endif()
      list(APPEND font_outputs "${dst}")
    endforeach()
  endforeach()
  list(APPEND dist_outputs ${font_outputs})
  # The CJK frequency tiers (scripts/cjk-slices.py), which the page fetches for articles with CJK text.
  add_custom_command(OUTPUT "${GALLEY_DIST}/fonts/cjk-tiers.bin"
    COMMAND ${CMAKE_COMMAND} -E copy "${GALLEY_CJK_TIERS_DIR}/cjk-tiers.bin" "${GALLEY_DIST}/fonts/cjk-tiers.bin"
    DEPENDS "${GALLEY_CJK_TIERS_DIR}/cjk-tiers.bin" VERBATIM)
  list(APPEND dist_outputs "${GALLEY_DIST}/fonts/cjk-tiers.bin")
  # Hyphenation patterns for the languages the fonts cover (Debian's hyphen-* packages, GALLEY_PATTERN_FILES), each
  # fetched only by articles in its language; patterns.js tells the page which the site has. The page fetches each
  # compiled (`galley patterns compile`, run by this build's own CLI under Node, so a wasm build needs no native
  # one): it loads without parsing pattern text. The .dic ships beside it, unmodified, as the source its licence
  # asks for; the page never fetches it.
  set(shipped_patterns "")
  foreach(file ${GALLEY_PATTERN_FILES})
    if(EXISTS "${GALLEY_HYPHEN_DIR}/${file}")
      string(REGEX REPLACE "\\.dic$" ".bin" compiled "${file}")
      add_custom_command(OUTPUT "${GALLEY_DIST}/hyphen/${file}"
        COMMAND ${CMAKE_COMMAND} -E copy "${GALLEY_HYPHEN_DIR}/${file}" "${GALLEY_DIST}/hyphen/${file}"
        DEPENDS "${GALLEY_HYPHEN_DIR}/${file}" VERBATIM)
      add_custom_command(OUTPUT "${GALLEY_DIST}/hyphen/${compiled}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${GALLEY_DIST}/hyphen"
        COMMAND "${NODE_EXECUTABLE}" --no-experimental-fetch "$<TARGET_FILE:galley_cli>" patterns compile
                "${GALLEY_HYPHEN_DIR}/${file}" "${GALLEY_DIST}/hyphen/${compiled}"
        DEPENDS "${GALLEY_HYPHEN_DIR}/${file}" galley_cli VERBATIM)
      list(APPEND dist_outputs "${GALLEY_DIST}/hyphen/${file}" "${GALLEY_DIST}/hyphen/${compiled}")
      string(APPEND shipped_patterns "  '${file}': '${compiled}',\n")
    else()
      message(WARNING "${GALLEY_HYPHEN_DIR}/${file} is missing (scripts/setup.sh installs its hyphen-* package)")
    endif()
  endforeach()
  string(REGEX REPLACE "\\.dic$" ".bin" GALLEY_EARLY_PATTERNS_COMPILED "${GALLEY_EARLY_PATTERNS}")  # pwa.cmake
  # libthai's Thai word dictionary (libthai-data), fetched by Thai articles only.
  set(thai_dictionary "")
  if(EXISTS "${GALLEY_THAI_DICTIONARY}")
    add_custom_command(OUTPUT "${GALLEY_DIST}/dict/thbrk.tri"
      COMMAND ${CMAKE_COMMAND} -E copy "${GALLEY_THAI_DICTIONARY}" "${GALLEY_DIST}/dict/thbrk.tri"
      DEPENDS "${GALLEY_THAI_DICTIONARY}" VERBATIM)
    list(APPEND dist_outputs "${GALLEY_DIST}/dict/thbrk.tri")
    set(thai_dictionary "dict/thbrk.tri")
  else()
    message(WARNING "${GALLEY_THAI_DICTIONARY} is missing (scripts/setup.sh installs libthai-data)")
  endif()
  file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/generated/patterns.js" CONTENT "// patterns.js — written by the build: the hyphenation pattern files the site has (CMake's GALLEY_PATTERN_FILES),
// each name the core asks for (galley_hyphenation_files) with the compiled file in dist/hyphen that the page fetches
// for it, and the one fetched at start, before a bundle names its language (GALLEY_EARLY_PATTERNS; the service worker
// precaches it, and caches the others when an article first needs them). And the Thai word dictionary (libthai's,
// GALLEY_THAI_DICTIONARY), which articles with Thai text fetch: '' when the site has none.
export const PATTERN_FILES = Object.freeze({
@shipped_patterns@});
export const EARLY_PATTERNS = '@GALLEY_EARLY_PATTERNS@';
export const THAI_DICTIONARY = '@thai_dictionary@';
" @ONLY)
  add_custom_command(OUTPUT "${GALLEY_DIST}/patterns.js"
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/generated/patterns.js" "${GALLEY_DIST}/patterns.js"
    DEPENDS "${CMAKE_BINARY_DIR}/generated/patterns.js" VERBATIM)
  list(APPEND dist_outputs "${GALLEY_DIST}/patterns.js")
  add_custom_target(galley_dist ALL DEPENDS ${dist_outputs})
  add_dependencies(galley_app galley_dist)

  # Pre-compressed copies (.br, .gz) next to each dist file, for hosts that serve them (scripts/serve.py does).
  # Runs on every build; only files newer than their copies are compressed again.
  find_program(GALLEY_BROTLI brotli)
  if(NOT GALLEY_BROTLI)
    message(WARNING "brotli is missing: dist gets .gz copies only")
  endif()
  add_custom_target(galley_precompress ALL
    COMMAND "${GALLEY_SYSTEM_PYTHON}" "${CMAKE_SOURCE_DIR}/scripts/precompress.py" "${GALLEY_DIST}"
            --brotli "$<IF:$<BOOL:${GALLEY_BROTLI}>,${GALLEY_BROTLI},>"
    VERBATIM)
  add_dependencies(galley_precompress galley_app galley_dist)
endif()
