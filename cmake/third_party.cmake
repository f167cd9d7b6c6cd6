# cmake/third_party.cmake — the third-party libraries of international text, as CMake targets the core links:
#   galley::harfbuzz  shaping. Native: Debian's libharfbuzz-dev (pkg-config harfbuzz, 6.0.0). Wasm: the unity TU
#                     src/harfbuzz.cc of Debian's source package harfbuzz 6.0.0+dfsg-3 (bookworm: the native
#                     package's own version), configured lean (below).
#   galley::fribidi   the Unicode Bidirectional Algorithm. Native: Debian's libfribidi-dev (pkg-config fribidi, 1.0.8).
#                     Wasm: lib/*.c of Debian's source package fribidi 1.0.8-2.1 (bookworm, Debian's patches applied),
#                     with the config.h and fribidi-config.h its configure would write, written here.
#   galley::unibreak  UAX #14 line breaking: libunibreak 6.1 from trixie's source package 6.1-3 for both builds
#                     (bookworm's libunibreak 1.1 is from 2013). Only the upstream tarball: the archive here serves
#                     neither its .dsc nor its Debian tarball (404), and apt-helper checks the tarball against the
#                     signed Sources index.
#   galley::thai      Thai word breaking (th_brk) with its dictionary. Native: Debian's libthai-dev (pkg-config
#                     libthai, 0.1.29, with libdatrie); its dictionary thbrk.tri is libthai-data's,
#                     /usr/share/libthai. Wasm: libthai 0.1.29-1 and libdatrie 0.2.13-2 from bookworm's source
#                     packages (upstream tarballs only: the archive here serves neither Debian tarball).
#   galley::md4c      CommonMark parsing for the Markdown importer (wasm/import only: the viewer never links it).
#                     Native: Debian's libmd4c-dev (pkg-config md4c, 0.4.8). Wasm (the CLI under Node): src/md4c.c of
#                     bookworm's md4c 0.4.8-1, upstream tarball only (the archive here serves no Debian tarball: 404).
#   galley::gumbo     HTML5 parsing for the HTML importer (wasm/import/html only; never the viewer). Native: Debian's
#                     libgumbo-dev (pkg-config gumbo, 0.10.1). Wasm (the CLI, the tests and the page's import module):
#                     src/*.c of trixie's gumbo-parser 0.13.0+dfsg-2, upstream tarball only: the archive here serves
#                     none of bookworm's 0.10.1+dfsg-5 files but its .dsc (orig and Debian tarball: 404), nor trixie's
#                     Debian tarball. 0.13.0 is the same API (the maintained fork of Google's 0.10.1, html5lib-tests
#                     conformant): the 23 pages of tests/data/import/html give byte-identical bundles with both.
# The wasm libraries are compiled with -Oz and without Galley's warnings (they are not Galley's code).
# Nothing here is copied into the repository: native builds use Debian's -dev packages (scripts/setup.sh installs
# them), wasm builds compile Debian's source packages, fetched at configure time into GALLEY_DEPS_DIR by
# scripts/fetch-debian-source.sh (pinned by version and suite, verified by apt), as ImGui's are.

set(GALLEY_DEPS_DIR "${CMAKE_SOURCE_DIR}/build/deps" CACHE PATH
    "Where Debian source packages are unpacked (scripts/fetch-debian-source.sh), shared by the presets")

# Fetches Debian's source package `package` at `version` from `suite` into GALLEY_DEPS_DIR/<package> (nothing when
# it is there already) and sets out_dir to that directory. Extra arguments go to the script (--upstream-only).
function(galley_debian_source package version suite out_dir)
  set(dir "${GALLEY_DEPS_DIR}/${package}")
  execute_process(COMMAND bash "${CMAKE_SOURCE_DIR}/scripts/fetch-debian-source.sh" "${package}" "${version}"
                          "${suite}" "${dir}" ${ARGN}
                  RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "Could not fetch Debian's source package ${package} ${version} (${suite}): "
                        "scripts/fetch-debian-source.sh failed")
  endif()
  set(${out_dir} "${dir}" PARENT_SCOPE)
endfunction()

# A library compiled from a Debian source package, as the target galley_<name> (alias galley::<name>): PACKAGE at
# VERSION from SUITE, fetched by galley_debian_source (UPSTREAM_ONLY: with --upstream-only), its directory set in
# the variable DIR names; SOURCES, paths under its src/, compiled -Oz in the wasm build; src/ its (system) include
# directory. With PKG_CONFIG the native build fetches nothing and links Debian's -dev package by that pkg-config
# module instead; without it both builds compile the sources.
function(galley_source_library name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "UPSTREAM_ONLY" "PACKAGE;VERSION;SUITE;DIR;PKG_CONFIG" "SOURCES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "galley_source_library(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(target galley_${name})
  if(arg_PKG_CONFIG AND NOT EMSCRIPTEN)
    string(TOUPPER "${name}" upper)
    pkg_check_modules(GALLEY_PC_${upper} REQUIRED IMPORTED_TARGET ${arg_PKG_CONFIG})
    add_library(${target} INTERFACE)
    target_link_libraries(${target} INTERFACE PkgConfig::GALLEY_PC_${upper})
  else()
    set(fetch_options "")
    if(arg_UPSTREAM_ONLY)
      set(fetch_options --upstream-only)
    endif()
    galley_debian_source(${arg_PACKAGE} ${arg_VERSION} ${arg_SUITE} dir ${fetch_options})
    list(TRANSFORM arg_SOURCES PREPEND "${dir}/src/")
    add_library(${target} STATIC ${arg_SOURCES})
    target_include_directories(${target} SYSTEM PUBLIC "${dir}/src")
    if(EMSCRIPTEN)
      target_compile_options(${target} PRIVATE -Oz)
    endif()
    set(${arg_DIR} "${dir}" PARENT_SCOPE)
  endif()
  add_library(galley::${name} ALIAS ${target})
endfunction()

if(NOT EMSCRIPTEN)
  find_package(PkgConfig REQUIRED)
endif()

# --- HarfBuzz ------------------------------------------------------------------------------------------------------
galley_source_library(harfbuzz PACKAGE harfbuzz VERSION 6.0.0+dfsg-3 SUITE bookworm DIR GALLEY_HARFBUZZ_DIR
  PKG_CONFIG harfbuzz SOURCES harfbuzz.cc)
if(EMSCRIPTEN)
  # HarfBuzz's own HB_LEAN list (src/hb-config.hh) less what Galley needs: CFF (glyph extents of Noto CJK), bitmap
  # and colour tables (emoji PNGs: hb_ot_color_glyph_reference_png) and metrics; plus HB_MINI (no AAT, no legacy
  # API), no threads, no unassigned-code-point data, no outlines (stb_truetype draws glyphs) and no fallback mark
  # positioning (every shipped face has GPOS marks). One TU compiled for size: shaping is not the hot path.
  target_compile_definitions(galley_harfbuzz PRIVATE
    HB_DISABLE_DEPRECATED HB_NDEBUG HB_NO_ATEXIT HB_NO_BUFFER_MESSAGE HB_NO_BUFFER_SERIALIZE HB_NO_BUFFER_VERIFY
    HB_NO_ERRNO HB_NO_FACE_COLLECT_UNICODES HB_NO_GETENV HB_NO_HINTING HB_NO_LANGUAGE_LONG
    HB_NO_LANGUAGE_PRIVATE_SUBTAG HB_NO_LAYOUT_FEATURE_PARAMS HB_NO_LAYOUT_COLLECT_GLYPHS HB_NO_LAYOUT_RARELY_USED
    HB_NO_LAYOUT_UNUSED HB_NO_MATH HB_NO_META HB_NO_MMAP HB_NO_NAME HB_NO_OPEN HB_NO_SETLOCALE
    HB_NO_OT_FONT_GLYPH_NAMES HB_NO_OT_SHAPE_FRACTIONS HB_NO_STYLE HB_NO_SUBSET_LAYOUT HB_NO_VERTICAL HB_NO_VAR
    HB_MINI HB_NO_MT HB_NO_UCD_UNASSIGNED HB_NO_DRAW HB_NO_OT_SHAPE_FALLBACK NDEBUG)
endif()

# --- fribidi -------------------------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  galley_debian_source(fribidi 1.0.8-2.1 bookworm GALLEY_FRIBIDI_DIR)
  # What fribidi's configure writes on a C99 system: config.h (only these macros are read by lib/) and
  # fribidi-config.h from lib/fribidi-config.h.in, with the version of configure.ac (1.0.8, interface 4).
  set(generated "${CMAKE_BINARY_DIR}/fribidi-generated")
  file(MAKE_DIRECTORY "${generated}")
  file(CONFIGURE OUTPUT "${generated}/config.h" CONTENT
       "/* Written by cmake/third_party.cmake for fribidi's lib/ */\n#define HAVE_STRINGIZE 1\n#define HAVE_STRING_H 1\n#define HAVE_STDLIB_H 1\n#define HAVE_STRINGS_H 1\n#define HAVE_MEMMOVE 1\n#define HAVE_MEMSET 1\n")
  set(PACKAGE fribidi)
  set(PACKAGE_NAME "GNU FriBidi")
  set(PACKAGE_BUGREPORT "https://github.com/fribidi/fribidi/issues/new")
  set(FRIBIDI_VERSION 1.0.8)
  set(FRIBIDI_MAJOR_VERSION 1)
  set(FRIBIDI_MINOR_VERSION 0)
  set(FRIBIDI_MICRO_VERSION 8)
  set(FRIBIDI_INTERFACE_VERSION 4)
  set(SIZEOF_INT 4)
  set(FRIBIDI_MSVC_BUILD_PLACEHOLDER "")
  configure_file("${GALLEY_FRIBIDI_DIR}/lib/fribidi-config.h.in" "${generated}/fribidi-config.h" @ONLY)
  file(GLOB fribidi_sources "${GALLEY_FRIBIDI_DIR}/lib/*.c")
  add_library(galley_fribidi STATIC ${fribidi_sources})
  target_include_directories(galley_fribidi SYSTEM PUBLIC "${generated}" "${GALLEY_FRIBIDI_DIR}/lib")
  target_compile_definitions(galley_fribidi PRIVATE HAVE_CONFIG_H)
  # Its FriBidiParType and FriBidiCharType share values on purpose (fribidi-bidi.c converts one to the other).
  target_compile_options(galley_fribidi PRIVATE -Oz -Wno-enum-conversion)
else()
  pkg_check_modules(GALLEY_PC_FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
  add_library(galley_fribidi INTERFACE)
  target_link_libraries(galley_fribidi INTERFACE PkgConfig::GALLEY_PC_FRIBIDI)
endif()
add_library(galley::fribidi ALIAS galley_fribidi)

# --- libunibreak (both builds) -------------------------------------------------------------------------------------
# libunibreak_la_SOURCES of its src/Makefile.am (the *data.c tables they include are not compiled alone).
galley_source_library(unibreak PACKAGE libunibreak VERSION 6.1-3 SUITE trixie UPSTREAM_ONLY DIR GALLEY_UNIBREAK_DIR
  SOURCES unibreakbase.c unibreakdef.c linebreak.c linebreakdata.c linebreakdef.c eastasianwidthdef.c emojidef.c
          graphemebreak.c wordbreak.c)

# --- libthai (with libdatrie) --------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  galley_debian_source(libdatrie 0.2.13-2 bookworm GALLEY_DATRIE_DIR --upstream-only)
  galley_debian_source(libthai 0.1.29-1 bookworm GALLEY_LIBTHAI_DIR --upstream-only)
  file(GLOB datrie_sources "${GALLEY_DATRIE_DIR}/datrie/*.c")
  add_library(galley_datrie STATIC ${datrie_sources})
  target_include_directories(galley_datrie SYSTEM PUBLIC "${GALLEY_DATRIE_DIR}")
  target_compile_options(galley_datrie PRIVATE -Oz)
  # All of libthai's sub-libraries (src/*/*.c, as its src/Makefile.am links them); what Galley does not call is
  # dropped at link time. DICT_DIR is Debian's dictdatadir, where th_brk_new(NULL) would look.
  file(GLOB libthai_sources "${GALLEY_LIBTHAI_DIR}/src/*/*.c")
  add_library(galley_thai STATIC ${libthai_sources})
  target_include_directories(galley_thai SYSTEM PUBLIC "${GALLEY_LIBTHAI_DIR}/include"
                             PRIVATE "${GALLEY_LIBTHAI_DIR}/src")
  target_compile_definitions(galley_thai PRIVATE DICT_DIR="/usr/share/libthai")
  target_compile_options(galley_thai PRIVATE -Oz)
  target_link_libraries(galley_thai PUBLIC galley_datrie)
else()
  pkg_check_modules(GALLEY_PC_LIBTHAI REQUIRED IMPORTED_TARGET libthai)
  add_library(galley_thai INTERFACE)
  target_link_libraries(galley_thai INTERFACE PkgConfig::GALLEY_PC_LIBTHAI)
endif()
add_library(galley::thai ALIAS galley_thai)

# --- md4c (the Markdown importer's parser) ----------------------------------------------------------------------------
galley_source_library(md4c PACKAGE md4c VERSION 0.4.8-1 SUITE bookworm UPSTREAM_ONLY DIR GALLEY_MD4C_DIR
  PKG_CONFIG md4c SOURCES md4c.c)

# --- gumbo (the HTML importer's parser) -------------------------------------------------------------------------------
# libgumbo_la_SOURCES of its Makefile.am (char_ref.c and the tag tables come generated in the tarball).
galley_source_library(gumbo PACKAGE gumbo-parser VERSION 0.13.0+dfsg-2 SUITE trixie UPSTREAM_ONLY DIR GALLEY_GUMBO_DIR
  PKG_CONFIG gumbo
  SOURCES attribute.c char_ref.c error.c parser.c string_buffer.c string_piece.c tag.c tokenizer.c utf8.c util.c
          vector.c)
