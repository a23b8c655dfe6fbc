# CPack's pre-build step for the Debian package, run on the staging folder before CPack counts
# the Installed-Size and writes the md5sums: gzips (-9n, no name or time) the man pages and the
# changelog, and drops the .comment and .note sections from the binaries as dh_strip does.
set(stage ${CPACK_TEMPORARY_INSTALL_DIRECTORY})
file(GLOB_RECURSE docs ${stage}/*/share/man/*.[1-9] ${stage}/*/share/doc/*/changelog)
file(GLOB bins ${stage}/*/bin/*)
if(NOT docs OR NOT bins)
  message(FATAL_ERROR "prebuild: no man page, changelog or binary under ${stage}")
endif()
foreach(doc ${docs})
  execute_process(COMMAND gzip -9nf ${doc} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "prebuild: gzip ${doc} failed")
  endif()
endforeach()
foreach(bin ${bins})
  execute_process(COMMAND ${CPACK_SAFEBASE_STRIP} --remove-section=.comment --remove-section=.note
                          ${bin} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "prebuild: strip ${bin} failed")
  endif()
endforeach()
