# Run by `cmake --install` and cpack for the server component (packaging/CMakeLists.txt),
# once CMAKE_INSTALL_PREFIX is final: writes the unit with the installed binary's and
# configuration's paths and installs the default configuration. The configuration goes
# to /etc for the /usr prefix (the packages), else to PREFIX/etc (a test or /usr/local).
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(BOXOFFICE_SYSCONFDIR /etc)
else()
    set(BOXOFFICE_SYSCONFDIR "${CMAKE_INSTALL_PREFIX}/etc")
endif()
set(BOXOFFICE_BINDIR "${CMAKE_INSTALL_PREFIX}/${BOXOFFICE_INSTALL_BINDIR}")
# One written unit per destination: an install and a cpack may run at once (the tests).
string(MD5 destination "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
set(unit "${BOXOFFICE_PACKAGING_BINARY_DIR}/unit/${destination}/boxoffice-server.service")
configure_file("${BOXOFFICE_PACKAGING_DIR}/boxoffice-server.service.in" "${unit}" @ONLY)
# The systemd search path /usr/lib/systemd/system (Debian's place; /usr/local/lib/... too).
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/systemd/system" TYPE FILE
    FILES "${unit}")
file(INSTALL DESTINATION "${BOXOFFICE_SYSCONFDIR}/boxoffice" TYPE FILE
    FILES "${BOXOFFICE_PACKAGING_DIR}/server.conf")
