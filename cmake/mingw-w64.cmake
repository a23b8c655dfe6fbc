# CMake toolchain file for a 64-bit Windows build cross-compiled on Debian 12 with MinGW-w64
# (gcc-mingw-w64-x86-64): -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64.cmake. Libraries and headers
# are found only in MinGW's own tree and in the Windows libraries tools/windows-deps.sh builds
# (build-windows/deps, or SAFEBASE_WINDOWS_DEPS); programs are the build machine's. The caller
# sets PKG_CONFIG_LIBDIR (build-windows/deps/lib/pkgconfig, the default when it is unset).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(SAFEBASE_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${SAFEBASE_MINGW_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${SAFEBASE_MINGW_TRIPLET}-g++)
set(CMAKE_RC_COMPILER ${SAFEBASE_MINGW_TRIPLET}-windres)

# The prefix tools/windows-deps.sh installs in (read again in try_compile's projects, where only
# the environment and this file's own folder are known).
if(DEFINED ENV{SAFEBASE_WINDOWS_DEPS})
  set(SAFEBASE_WINDOWS_DEPS "$ENV{SAFEBASE_WINDOWS_DEPS}")
else()
  get_filename_component(SAFEBASE_WINDOWS_DEPS "${CMAKE_CURRENT_LIST_DIR}/../build-windows/deps" ABSOLUTE)
endif()

set(CMAKE_FIND_ROOT_PATH /usr/${SAFEBASE_MINGW_TRIPLET} "${SAFEBASE_WINDOWS_DEPS}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config must never answer with the build machine's libraries.
if(NOT DEFINED ENV{PKG_CONFIG_LIBDIR})
  set(ENV{PKG_CONFIG_LIBDIR} "${SAFEBASE_WINDOWS_DEPS}/lib/pkgconfig")
endif()
set(ENV{PKG_CONFIG_PATH} "")

# GCC's own runtime linked in, so that no libgcc_s_seh-1.dll (or libstdc++-6.dll) is needed.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "-static-libgcc -static-libstdc++")
