# cmake/emoji.cmake — the Unicode emoji properties core/text/emoji.cpp needs, written at configure time from Unicode's
# own emoji-data.txt (Debian's unicode-data, which scripts/setup.sh installs), so that no table of them is kept in
# the repository:
#   GALLEY_EMOJI_INCLUDE   a folder holding emoji_properties.inc: the code point ranges with Emoji=Yes
#                          (EmojiRanges) and with Emoji_Presentation=Yes (EmojiPresentationRanges), sorted and merged,
#                          as C++ initialisers {first, last}
set(GALLEY_EMOJI_DATA "/usr/share/unicode/emoji/emoji-data.txt" CACHE FILEPATH "Unicode's emoji-data.txt (unicode-data)")
if(NOT EXISTS "${GALLEY_EMOJI_DATA}")
  message(FATAL_ERROR "${GALLEY_EMOJI_DATA} is missing: run scripts/setup.sh (it installs unicode-data)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GALLEY_EMOJI_DATA}")
file(STRINGS "${GALLEY_EMOJI_DATA}" galley_emoji_lines REGEX "^[0-9A-F]+(\\.\\.[0-9A-F]+)? *; *Emoji(_Presentation)? *#")

# Ranges of one property as "{0x..., 0x...},\n" lines, adjacent ones merged (the file lists each property in order).
function(galley_emoji_ranges property out_var)
  set(text "")
  set(first -1)
  set(last -2)
  foreach(line ${galley_emoji_lines})
    if(NOT line MATCHES "^([0-9A-F]+)(\\.\\.([0-9A-F]+))? *; *([A-Za-z_]+)")
      continue()
    endif()
    if(NOT CMAKE_MATCH_4 STREQUAL property)
      continue()
    endif()
    set(hi "${CMAKE_MATCH_3}")
    if(hi STREQUAL "")
      set(hi "${CMAKE_MATCH_1}")
    endif()
    math(EXPR a "0x${CMAKE_MATCH_1}")
    math(EXPR b "0x${hi}")
    math(EXPR next "${last} + 1")
    if(a EQUAL next)
      set(last ${b})
    else()
      if(first GREATER_EQUAL 0)
        math(EXPR f "${first}" OUTPUT_FORMAT HEXADECIMAL)
        math(EXPR l "${last}" OUTPUT_FORMAT HEXADECIMAL)
        string(APPEND text "    {${f}, ${l}},\n")
      endif()
      set(first ${a})
      set(last ${b})
    endif()
  endforeach()
  if(first LESS 0)
    message(FATAL_ERROR "${GALLEY_EMOJI_DATA}: no ranges of ${property}")
  endif()
  math(EXPR f "${first}" OUTPUT_FORMAT HEXADECIMAL)
  math(EXPR l "${last}" OUTPUT_FORMAT HEXADECIMAL)
  string(APPEND text "    {${f}, ${l}},\n")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

galley_emoji_ranges(Emoji galley_emoji_ranges_text)
galley_emoji_ranges(Emoji_Presentation galley_emoji_presentation_text)
set(GALLEY_EMOJI_INCLUDE "${CMAKE_BINARY_DIR}/generated/emoji")
file(CONFIGURE OUTPUT "${GALLEY_EMOJI_INCLUDE}/emoji_properties.inc" CONTENT "// emoji_properties.inc — written by cmake/emoji.cmake from ${GALLEY_EMOJI_DATA}: code point ranges
// {first, last}, ascending. Included by wasm/core/text/emoji.cpp only.
constexpr CodePointRange EmojiRanges[] = {
@galley_emoji_ranges_text@};
constexpr CodePointRange EmojiPresentationRanges[] = {
@galley_emoji_presentation_text@};
" @ONLY)
