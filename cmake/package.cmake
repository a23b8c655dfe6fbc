# The Debian package (tools/package.sh runs it): CPack's DEB generator packs whatever the
# install() rules of CMakeLists.txt put under /usr, plus what Debian asks of a package (the
# copyright, a changelog, the man page gzipped). It must not list the app's files by hand.
# Only a build configured with -DSAFEBASE_PACKAGE=ON (and CMAKE_INSTALL_PREFIX=/usr) uses it.
option(SAFEBASE_PACKAGE "Add the Debian package's own files and CPack's DEB settings" OFF)
if(NOT SAFEBASE_PACKAGE)
  return()
endif()
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR "SAFEBASE_PACKAGE: a Debian package installs under /usr; configure with "
                      "-DCMAKE_INSTALL_PREFIX=/usr (tools/package.sh does)")
endif()

set(CPACK_PACKAGE_CONTACT "Safe Base maintainers <maintainers@safebase.invalid>")

# What a Debian package adds to the install (doc files in the folder GNUInstallDirs names).
set(SAFEBASE_DEB_DIR ${CMAKE_CURRENT_LIST_DIR}/deb)
install(FILES ${SAFEBASE_DEB_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The changelog's one entry: this version, dated by SOURCE_DATE_EPOCH (package.sh sets it to
# the last commit's time, so two builds of one commit give the same file).
string(TIMESTAMP SAFEBASE_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${SAFEBASE_DEB_DIR}/changelog.in ${CMAKE_BINARY_DIR}/deb/changelog @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/deb/changelog DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Lintian overrides: only those the static FFmpeg needs (deb/lintian-overrides says why); with
# the system's libav* `lintian --info --pedantic` finds nothing.
if(SAFEBASE_FFMPEG_STATIC)
  install(FILES ${SAFEBASE_DEB_DIR}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
          RENAME safebase)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME safebase)
set(CPACK_PACKAGE_VENDOR "Safe Base")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The library packages come from the binary (dpkg-shlibdeps). The font does not: the app asks
# fontconfig for DejaVu Sans at run time, so no linker sees it; hence this one typed Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Stripped (CPACK_STRIP_FILES), then deb/prebuild.cmake gzips the man page and changelog and
# drops the sections dh_strip would (CPACK_ variables reach CPack's scripts).
set(CPACK_PRE_BUILD_SCRIPTS ${SAFEBASE_DEB_DIR}/prebuild.cmake)
set(CPACK_SAFEBASE_STRIP ${CMAKE_STRIP})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "calm session timer for attachment-based movement and play")
# CPack writes the summary as the synopsis line, this text as the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Safe Base is a full-screen companion for therapists guiding a movement
session with a child, and for parents doing daily special playtime at home.
It keeps time through a plan of phases (connect, separate, connect; the
safe-base dance; special playtime), shows large prompts and a shrinking-disk
countdown readable from across the room, plays the chosen music with gentle
fades and soft chimes, and writes one line per session to a plain CSV log,
so the adult can give the child their whole attention.
.
One key, a presenter clicker or a game controller changes course at once.
It works fully offline; plans are small text files anyone can write.")
include(CPack)
