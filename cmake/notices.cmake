# cmake/notices.cmake — the licences dist/ ships (wasm builds only; included by cmake/pwa.cmake, since sw.js must
# list them). Adds to dist/, written by scripts/make-notices.py at every build from the packages the build used:
#   LICENSE.txt              Galley's licence (LICENSE)
#   fonts/LICENSE-<id>.txt   the shipped fonts' licences with their copyright lines (OFL-1.1 for fonts-noto-core,
#                            SIL-1.1, the same licence, as fonts-noto-cjk's copyright file names it)
#   THIRD-PARTY-NOTICES.txt  each Debian package the site holds something of, with its copyright file; Dear ImGui
if(EMSCRIPTEN)
  find_program(GALLEY_PYTHON3 NAMES python3 REQUIRED)
  # The files compiled or linked into the wasm whose package is not found from dist/ itself: headers of the core,
  # and the compiler (its runtime and system libraries are linked in); and data the build derived files from.
  # Unihan (unicode-data) ranks the CJK characters that dist/fonts/cjk-tiers.bin and the CJK slices are cut by.
  set(galley_used_files "/usr/include/stb/stb_truetype.h" "/usr/include/stb/stb_image.h" "/usr/include/nlohmann/json.hpp"
      "${CMAKE_CXX_COMPILER}"
      "${GALLEY_UNIHAN_DIR}/Unihan_Readings.txt.bz2" "${GALLEY_UNIHAN_DIR}/Unihan_DictionaryLikeData.txt.bz2"
      "${GALLEY_UNIHAN_DIR}/Unihan_OtherMappings.txt.bz2" "${GALLEY_UNIHAN_DIR}/Unihan_Variants.txt.bz2")
  if(EXISTS "${GALLEY_THAI_DICTIONARY}")
    list(APPEND galley_used_files "${GALLEY_THAI_DICTIONARY}")  # dict/thbrk.tri (libthai-data)
  endif()
  # The Debian source packages compiled into the wasm (cmake/third_party.cmake).
  set(galley_source_dirs "${GALLEY_HARFBUZZ_DIR}" "${GALLEY_FRIBIDI_DIR}" "${GALLEY_UNIBREAK_DIR}" "${GALLEY_LIBTHAI_DIR}"
      "${GALLEY_DATRIE_DIR}")
  # And those of the import module (import.wasm: md4c and gumbo, behind galley_import).
  set(galley_import_source_dirs "${GALLEY_MD4C_DIR}" "${GALLEY_GUMBO_DIR}")
  add_custom_target(galley_notices ALL
    COMMAND "${GALLEY_PYTHON3}" "${CMAKE_SOURCE_DIR}/scripts/make-notices.py" "${GALLEY_DIST}"
            --license "${CMAKE_SOURCE_DIR}/LICENSE" --font-dir "${GALLEY_FONT_DIR}"
            --font-dir "${GALLEY_CJK_FONT_DIR}" --hyphen-dir "${GALLEY_HYPHEN_DIR}"
            --imgui-dir "${GALLEY_IMGUI_DIR}" --used ${galley_used_files} --sources ${galley_source_dirs}
            --import-sources ${galley_import_source_dirs}
    BYPRODUCTS "${GALLEY_DIST}/LICENSE.txt" "${GALLEY_DIST}/THIRD-PARTY-NOTICES.txt"
    COMMENT "Writing the licences and third-party notices" VERBATIM)
  add_dependencies(galley_notices galley_dist)
endif()
