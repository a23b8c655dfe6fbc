# The translations: po/LL.po compiled by msgfmt (--check: a translation whose printf
# conversions differ from the English fails the build) into locale/LL/LC_MESSAGES/safebase.mo
# in the build folder, where a binary run from there finds them, and installed under
# share/locale. `cmake --build BUILD --target pot` extracts po/safebase.pot from the sources
# with xgettext and brings every po/LL.po up to date with msgmerge (tools/translations.sh).
option(SAFEBASE_NLS "Translate messages with gettext (po/*.po)" ON)
# where platform/sys/paths.c looks for them (paths_locale)
if(WIN32) # (no gettext there: no folder of this machine's in the exe)
  add_compile_definitions(SAFEBASE_BUILD_LOCALE="" SAFEBASE_INSTALL_LOCALE="")
else()
  add_compile_definitions(SAFEBASE_BUILD_LOCALE="${CMAKE_BINARY_DIR}/locale"
                          SAFEBASE_INSTALL_LOCALE="${CMAKE_INSTALL_FULL_LOCALEDIR}")
endif()
if(NOT SAFEBASE_NLS)
  return()
endif()
add_compile_definitions(SAFEBASE_NLS)
find_program(MSGFMT msgfmt)
if(NOT MSGFMT)
  message(FATAL_ERROR "msgfmt is missing: install Debian's gettext (tools/setup.sh does), or configure with -DSAFEBASE_NLS=OFF")
endif()
file(STRINGS ${CMAKE_SOURCE_DIR}/po/LINGUAS SAFEBASE_LANGUAGES REGEX "^[a-z]")
set(mo_files "")
foreach(lang ${SAFEBASE_LANGUAGES})
  set(po ${CMAKE_SOURCE_DIR}/po/${lang}.po)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/safebase.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check --output-file=${mo} ${po}
    DEPENDS ${po} COMMENT "msgfmt ${lang}.po" VERBATIM)
  list(APPEND mo_files ${mo})
  install(FILES ${mo} DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(translations ALL DEPENDS ${mo_files})
add_custom_target(pot COMMAND ${CMAKE_SOURCE_DIR}/tools/translations.sh update
                  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} VERBATIM)
