# Writes include/laborsim/version.hpp into the build tree with the git revision.
find_package(Git QUIET)
set(LABORSIM_GIT_REVISION "unknown")
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty --abbrev=12
                  WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                  OUTPUT_VARIABLE _rev OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _rc)
  if(_rc EQUAL 0 AND _rev)
    set(LABORSIM_GIT_REVISION "${_rev}")
  endif()
endif()
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/include/laborsim/version.hpp.in
               ${CMAKE_CURRENT_BINARY_DIR}/include/laborsim/version.hpp @ONLY)
