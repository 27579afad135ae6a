<?php
// Test fixture: publishes a post whose body is the timeline's address on a
// line of its own, as an editor pastes it. argv: host (with port), address,
// the name of the test's configuration (/etc/wordpress/config-<name>.php).
$_SERVER['HTTP_HOST'] = $argv[1];
$_SERVER['WORDPRESS_CONFIG'] = $argv[3];
$_SERVER['SERVER_NAME'] = explode( ':', $argv[1] )[0];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
$id = wp_insert_post( array(
	'post_title'   => 'Our partnership with PUMCH',
	'post_content' => "<!-- wp:paragraph -->\n<p>The timeline of the partnership:</p>\n<!-- /wp:paragraph -->\n\n" . $argv[2] . "\n\n<!-- wp:paragraph -->\n<p>Text after the timeline.</p>\n<!-- /wp:paragraph -->",
	'post_status'  => 'publish',
	'post_author'  => 1,
) );
echo $id;
