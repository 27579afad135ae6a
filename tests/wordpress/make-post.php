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
	// What the block editor saves when an address is pasted on its own line.
	'post_content' => "<!-- wp:paragraph -->\n<p>The timeline of the partnership:</p>\n<!-- /wp:paragraph -->\n\n"
		. '<!-- wp:embed {"url":"' . esc_url_raw( $argv[2] ) . '","type":"rich"} -->' . "\n"
		. '<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">' . "\n"
		. $argv[2] . "\n"
		. "</div></figure>\n<!-- /wp:embed -->\n\n"
		. "<!-- wp:paragraph -->\n<p>Text after the timeline.</p>\n<!-- /wp:paragraph -->",
	'post_status'  => 'publish',
	'post_author'  => 1,
) );
echo $id;
