# The Debian package (issue 20): `cpack -G DEB` in a build folder, or scripts/package.sh for a
# release build with the web UI. Layout:
#   /usr/bin/keyuan                          the binary (API, web UI, commands)
#   /usr/share/keyuan/web/                   the built web UI (KEYUAN_WEB_DIST, default web/dist)
#   /etc/keyuan/keyuan.toml                  production-safe configuration (a conffile)
#   /lib/systemd/system/keyuan.service       runs as the keyuan user, checks the configuration first
#   /usr/share/doc/keyuan/                   OPERATIONS.md, examples/nginx-keyuan.conf
# The maintainer scripts (packaging/postinst, prerm, postrm) create the user and the state folder
# and enable the service. Dependencies come from dpkg-shlibdeps.
set(KEYUAN_WEB_DIST "${CMAKE_SOURCE_DIR}/web/dist" CACHE PATH "The built web UI to package")

install(TARGETS keyuan RUNTIME DESTINATION bin)
install(DIRECTORY "${KEYUAN_WEB_DIST}/" DESTINATION share/keyuan/web OPTIONAL)
install(FILES packaging/keyuan.toml DESTINATION /etc/keyuan PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES packaging/keyuan.service DESTINATION /lib/systemd/system)
install(FILES docs/OPERATIONS.md README.md DESTINATION share/doc/keyuan)
install(FILES packaging/nginx-keyuan.conf DESTINATION share/doc/keyuan/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keyuan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "keyuan maintainers <keyuan@example.gov.cn>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "科源 science and technology resource-sharing platform")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# adduser for the postinst; pg_dump/pg_restore for `keyuan backup` of PostgreSQL (recommended only:
# a SQLite site needs neither); nginx in front for TLS.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nginx | nginx-light, postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_SOURCE_DIR}/packaging/conffiles;${CMAKE_SOURCE_DIR}/packaging/postinst;${CMAKE_SOURCE_DIR}/packaging/prerm;${CMAKE_SOURCE_DIR}/packaging/postrm")
# Line tables are for crash reports of a development build; the package carries none.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
