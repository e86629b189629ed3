<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-experience.xsl: included by evaluate.xsl.  Experience rules (days
  of kinds of work: the union of periods in inclusive days, by
  ef:union-days, a sort-then-sweep) and leadership scope.

  Every experience rule of the rule set is measured once ($measured):
    <m rule line>
      <path n name line need missing met>
        <span days need years label>
          <iv s e ref start end from to days status reason>role, employer</iv>
  one iv per position and kind of experience (span): the days it
  contributes, or why none ("before the degree: not counted").
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c exsl ef">

  <!-- The positions that match a span, each once, with its days. -->
  <xsl:template name="span-intervals">
    <xsl:param name="span"/>
    <xsl:variable name="post" select="not($span/@post-graduate = 'false' or $span/@post-graduate = '0')"/>
    <xsl:for-each select="$pf/p:experience/p:position">
      <xsl:variable name="has-all">
        <xsl:call-template name="all-in">
          <xsl:with-param name="need" select="normalize-space($span/@all)"/>
          <xsl:with-param name="have" select="@work"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="has-any">
        <xsl:choose>
          <xsl:when test="not($span/@any)">yes</xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="any-in">
              <xsl:with-param name="want" select="normalize-space($span/@any)"/>
              <xsl:with-param name="have" select="@work"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="$has-all = 'yes' and $has-any = 'yes'">
        <xsl:variable name="s0" select="ef:day(@start)"/>
        <xsl:variable name="e0">
          <xsl:choose>
            <xsl:when test="@end = 'ongoing' or ef:day(@end) &gt; $today"><xsl:value-of select="$today"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="ef:day(@end)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="s">
          <xsl:choose>
            <xsl:when test="$post and $grad and $grad/@day + 1 &gt; $s0"><xsl:value-of select="$grad/@day + 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$s0"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="days">
          <xsl:choose>
            <xsl:when test="$post and not($grad)">0</xsl:when>
            <xsl:when test="$e0 &gt;= $s"><xsl:value-of select="$e0 - $s + 1"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <iv ref="{@id}" n="{position()}" start="{@start}" end="{@end}" days="{$days}">
          <xsl:choose>
            <xsl:when test="$days &gt; 0">
              <xsl:attribute name="s"><xsl:value-of select="$s"/></xsl:attribute>
              <xsl:attribute name="e"><xsl:value-of select="$e0"/></xsl:attribute>
              <xsl:attribute name="from"><xsl:value-of select="ef:date($s)"/></xsl:attribute>
              <xsl:attribute name="to"><xsl:value-of select="ef:date($e0)"/></xsl:attribute>
              <xsl:attribute name="status">counted</xsl:attribute>
              <xsl:attribute name="reason">
                <xsl:if test="$s &gt; $s0">counted from the day after the degree</xsl:if>
              </xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="s">0</xsl:attribute>
              <xsl:attribute name="e">-1</xsl:attribute>
              <xsl:attribute name="status">excluded</xsl:attribute>
              <xsl:attribute name="reason">
                <xsl:choose>
                  <xsl:when test="$s0 &gt; $today">starts after the evaluation date: not counted</xsl:when>
                  <xsl:when test="@end != 'ongoing' and ef:day(@end) &lt; $s0">ends before it starts: not counted</xsl:when>
                  <xsl:when test="$post and not($grad)">no qualifying degree: not counted</xsl:when>
                  <xsl:otherwise>before the degree: not counted</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat(p:role, ', ', p:employer)"/>
        </iv>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Every path of an experience rule, measured. -->
  <xsl:template name="measure-paths">
    <xsl:param name="rule"/>
    <xsl:for-each select="$rule/r:path">
      <xsl:variable name="spans-rtf">
        <xsl:for-each select="r:span">
          <xsl:variable name="ivs-rtf">
            <xsl:call-template name="span-intervals"><xsl:with-param name="span" select="."/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="ivs" select="exsl:node-set($ivs-rtf)/c:iv"/>
          <span days="{ef:union-days($ivs)}" need="{@years * 365}" label="{@label}" years="{@years}"
              post-graduate="{not(@post-graduate = 'false' or @post-graduate = '0')}">
            <xsl:copy-of select="$ivs"/>
          </span>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="spans" select="exsl:node-set($spans-rtf)/c:span"/>
      <xsl:variable name="missing-rtf">
        <xsl:for-each select="$spans[number(@days) &lt; number(@need)]">
          <m><xsl:value-of select="@need - @days"/></m>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="missing" select="sum(exsl:node-set($missing-rtf)/c:m)"/>
      <!-- the spans of a path need distinct days too ("plus"): the worst
           set of them that shares days -->
      <xsl:variable name="shared-rtf">
        <xsl:if test="count($spans) &gt; 1">
          <xsl:variable name="f-rtf"><xsl:call-template name="distinct-short"><xsl:with-param name="a" select="$spans"/><xsl:with-param name="within" select="true()"/></xsl:call-template></xsl:variable>
          <xsl:for-each select="exsl:node-set($f-rtf)/c:f">
            <xsl:sort select="@short" data-type="number" order="descending"/>
            <xsl:copy-of select="."/>
          </xsl:for-each>
        </xsl:if>
      </xsl:variable>
      <xsl:variable name="shared" select="exsl:node-set($shared-rtf)/c:f[1]"/>
      <path n="{position()}" name="{@name}" need="{sum($spans/@need)}"
          met="{count($spans[number(@days) &lt; number(@need)]) = 0 and not($shared)}">
        <xsl:attribute name="missing">
          <xsl:choose>
            <xsl:when test="$shared and $shared/@short &gt; $missing"><xsl:value-of select="$shared/@short"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$missing"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="$shared">
          <xsl:attribute name="shared-days"><xsl:value-of select="$shared/@u"/></xsl:attribute>
          <xsl:attribute name="shared-need"><xsl:value-of select="$shared/@need"/></xsl:attribute>
        </xsl:if>
        <xsl:attribute name="line">
          <xsl:choose>
            <xsl:when test="@line"><xsl:value-of select="@line"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$rule/@line"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:copy-of select="$spans"/>
      </path>
    </xsl:for-each>
  </xsl:template>

  <!-- The spans $a (a path of one rule) and $b (a path of the rule its
       days must be distinct from) fit together when every set of spans
       holding some of each has at least the days it needs in the union
       of its positions (Hall's condition: then each day can go to one
       span only).  One <f u need short/> per set that falls short. -->
  <xsl:template name="distinct-short">
    <xsl:param name="a"/>
    <xsl:param name="b" select="/.."/>
    <!-- within: the spans of one path ($a), every set of two or more -->
    <xsl:param name="within" select="false()"/>
    <xsl:variable name="sp-rtf">
      <!-- weights 1, 2, 4 ...: a set of spans is a number -->
      <xsl:for-each select="$a">
        <sp side="a" need="{@need}" w="{number(substring('001002004008016032064128', 3 * position() - 2, 3))}"><xsl:copy-of select="c:iv"/></sp>
      </xsl:for-each>
      <xsl:for-each select="$b">
        <sp side="b" need="{@need}" w="{number(substring('001002004008016032064128', 3 * (count($a) + position()) - 2, 3))}"><xsl:copy-of select="c:iv"/></sp>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="sp" select="exsl:node-set($sp-rtf)/c:sp"/>
    <xsl:if test="count($sp) &lt;= 8">
      <xsl:call-template name="subsets-short">
        <xsl:with-param name="sp" select="$sp"/>
        <xsl:with-param name="top" select="2 * $sp[last()]/@w"/>
        <xsl:with-param name="within" select="$within"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="subsets-short">
    <xsl:param name="sp"/>
    <xsl:param name="top"/>
    <xsl:param name="within"/>
    <xsl:param name="m" select="1"/>
    <xsl:if test="$m &lt; $top">
      <xsl:variable name="in" select="$sp[floor($m div @w) mod 2 = 1]"/>
      <xsl:if test="($within and count($in) &gt; 1) or ($in[@side = 'a'] and $in[@side = 'b'])">
        <xsl:variable name="u" select="ef:union-days($in/c:iv)"/>
        <xsl:variable name="need" select="sum($in/@need)"/>
        <xsl:if test="$u &lt; $need"><f u="{$u}" need="{$need}" short="{$need - $u}"/></xsl:if>
      </xsl:if>
      <xsl:call-template name="subsets-short">
        <xsl:with-param name="sp" select="$sp"/>
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="within" select="$within"/>
        <xsl:with-param name="m" select="$m + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Each experience rule of the track, measured once; the path used
       (the first met, else the closest) is marked used="true". -->
  <xsl:variable name="measured-raw-rtf">
    <xsl:for-each select="$ruleset/r:experience">
      <xsl:variable name="rule" select="."/>
      <xsl:variable name="paths-rtf"><xsl:call-template name="measure-paths"><xsl:with-param name="rule" select="$rule"/></xsl:call-template></xsl:variable>
      <m rule="{@id}">
        <xsl:for-each select="exsl:node-set($paths-rtf)/c:path">
          <xsl:sort select="@met = 'true'" data-type="text" order="descending"/>
          <xsl:sort select="@missing" data-type="number"/>
          <xsl:sort select="@n" data-type="number"/>
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="used"><xsl:value-of select="position() = 1"/></xsl:attribute>
            <xsl:copy-of select="*"/>
          </xsl:copy>
        </xsl:for-each>
      </m>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="measured-raw" select="exsl:node-set($measured-raw-rtf)/c:m"/>

  <!-- A rule whose days another rule's must be distinct from (WRK-C1
       for WRK-C2) uses, of its met paths, the first whose days fit
       beside the other rule's met path: fits="true|false". -->
  <xsl:variable name="measured-rtf">
    <xsl:for-each select="$measured-raw">
      <xsl:variable name="m" select="."/>
      <xsl:variable name="partner" select="$ruleset/r:experience[@distinct-from = $m/@rule][1]"/>
      <xsl:variable name="pp" select="$measured-raw[@rule = $partner/@id]/c:path[@used = 'true' and @met = 'true']"/>
      <xsl:choose>
        <xsl:when test="$pp and c:path[@met = 'true']">
          <xsl:variable name="paths-rtf">
            <xsl:for-each select="c:path">
              <xsl:copy>
                <xsl:copy-of select="@*"/>
                <xsl:attribute name="fits">
                  <xsl:choose>
                    <xsl:when test="@met != 'true'">false</xsl:when>
                    <xsl:otherwise>
                      <xsl:variable name="f"><xsl:call-template name="distinct-short"><xsl:with-param name="a" select="$pp/c:span"/><xsl:with-param name="b" select="c:span"/></xsl:call-template></xsl:variable>
                      <xsl:value-of select="not(exsl:node-set($f)/c:f)"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:copy-of select="*"/>
              </xsl:copy>
            </xsl:for-each>
          </xsl:variable>
          <m rule="{@rule}">
            <xsl:for-each select="exsl:node-set($paths-rtf)/c:path">
              <xsl:sort select="@met = 'true'" data-type="text" order="descending"/>
              <xsl:sort select="@fits = 'true'" data-type="text" order="descending"/>
              <xsl:sort select="@missing" data-type="number"/>
              <xsl:sort select="@n" data-type="number"/>
              <xsl:copy>
                <xsl:copy-of select="@*"/>
                <xsl:attribute name="used"><xsl:value-of select="position() = 1"/></xsl:attribute>
                <xsl:copy-of select="*"/>
              </xsl:copy>
            </xsl:for-each>
          </m>
        </xsl:when>
        <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="measured" select="exsl:node-set($measured-rtf)/c:m"/>

  <xsl:template match="r:experience" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="best" select="$measured[@rule = $rule/@id]/c:path[@used = 'true']"/>
    <!-- The other rule whose days these must be distinct from. -->
    <xsl:variable name="other" select="$ruleset/r:*[@id = $rule/@distinct-from]"/>
    <xsl:variable name="op" select="$measured[@rule = $other/@id]/c:path[@used = 'true']"/>
    <!-- the sets of spans of both rules that fall short, the worst first -->
    <xsl:variable name="short-rtf">
      <xsl:if test="$op and $op/@met = 'true' and $best/@met = 'true'">
        <xsl:variable name="f-rtf"><xsl:call-template name="distinct-short"><xsl:with-param name="a" select="$best/c:span"/><xsl:with-param name="b" select="$op/c:span"/></xsl:call-template></xsl:variable>
        <xsl:for-each select="exsl:node-set($f-rtf)/c:f">
          <xsl:sort select="@short" data-type="number" order="descending"/>
          <xsl:copy-of select="."/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="short" select="exsl:node-set($short-rtf)/c:f[1]"/>
    <v line="{$best/@line}">
      <xsl:choose>
        <xsl:when test="$short">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>
            <xsl:value-of select="concat('The years overlap: each suffices alone, but ', $rule/@id, ' and ', $other/@id,
              ' together cover only ', $short/@u, ' distinct days of the ', $short/@need, ' they need.')"/>
            <xsl:if test="$grad/@basis = 'review'"><xsl:value-of select="concat(' ', $grad-why)"/></xsl:if>
          </x>
        </xsl:when>
        <xsl:when test="$best/@met = 'true'">
          <xsl:attribute name="status">met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('Met by ', $best/@name, ': ')"/>
            <xsl:for-each select="$best/c:span">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="concat(@days, ' days of ', @label, ' (', @need, ' required)')"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
            <xsl:if test="$grad/@basis = 'review'"><xsl:value-of select="concat(' ', $grad-why)"/></xsl:if>
          </x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('Closest: ', $best/@name, ': ')"/>
            <xsl:for-each select="$best/c:span">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="concat(@days, ' of ', @need, ' days of ', @label)"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
            <xsl:if test="$best/@shared-days"><xsl:value-of select="concat(' The periods share days: together they cover only ', $best/@shared-days, ' distinct days of the ', $best/@shared-need, ' they need.')"/></xsl:if>
            <xsl:if test="not($grad) or $grad/@basis = 'review'"><xsl:value-of select="concat(' ', $grad-why)"/></xsl:if>
          </x>
          <short>
            <xsl:for-each select="$best/c:span[number(@days) &lt; number(@need)]">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:text>Needs </xsl:text><xsl:call-template name="n"><xsl:with-param name="n" select="@need - @days"/><xsl:with-param name="one" select="'more day'"/></xsl:call-template><xsl:value-of select="concat(' of ', @label)"/>
            </xsl:for-each>
            <xsl:if test="not($best/c:span[number(@days) &lt; number(@need)]) and $best/@shared-days">
              <xsl:text>Needs </xsl:text><xsl:call-template name="n"><xsl:with-param name="n" select="$best/@shared-need - $best/@shared-days"/><xsl:with-param name="one" select="'more distinct day'"/></xsl:call-template><xsl:value-of select="concat(' of ', $best/@name, ' (the periods share days)')"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$best/c:span/c:iv">
        <!-- n: which position (its place in the portfolio, from 1) -->
        <item status="{@status}" n="{@n}" days="{@days}" kind="{../@label}">
          <xsl:if test="@ref != ''"><xsl:attribute name="ref"><xsl:value-of select="@ref"/></xsl:attribute></xsl:if>
          <xsl:if test="@from"><xsl:attribute name="from"><xsl:value-of select="@from"/></xsl:attribute><xsl:attribute name="to"><xsl:value-of select="@to"/></xsl:attribute></xsl:if>
          <xsl:if test="@reason != ''"><xsl:attribute name="reason"><xsl:value-of select="@reason"/></xsl:attribute></xsl:if>
          <xsl:value-of select="concat(., ' (', @start, ' to ', @end, '), ', ../@label, ': ')"/>
          <xsl:choose>
            <xsl:when test="@status = 'counted'">
              <xsl:value-of select="concat(@days, ' days counted')"/>
              <xsl:if test="@reason != ''"><xsl:value-of select="concat(' from ', @from, '; earlier days: before the degree, not counted')"/></xsl:if>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="@reason"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:leadership-scope" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="acts" select="$pf/p:experience/p:leadership[number(translate(@start, '-', '')) &lt;= $as-of-num]"/>
    <xsl:variable name="ok" select="$acts[contains(concat(' ', normalize-space($rule/@scopes), ' '), concat(' ', @scope, ' '))]"/>
    <xsl:variable name="words">
      <xsl:choose>
        <xsl:when test="@scope-words"><xsl:value-of select="@scope-words"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate(normalize-space(@scopes), ' ', '/')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <v>
      <xsl:choose>
        <xsl:when test="$ok">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat(count($ok), ' leadership activit', substring('iesy', 1 + 3 * number(count($ok) = 1), 3 - number(count($ok) = 1)), ' at the ', translate(normalize-space($rule/@scopes), ' ', '/'), ' level.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:value-of select="concat('No leadership activity at the ', $words, ' level (')"/>
            <xsl:call-template name="n"><xsl:with-param name="n" select="count($acts)"/><xsl:with-param name="one" select="'other activity'"/><xsl:with-param name="many" select="'other activities'"/></xsl:call-template>
            <xsl:text> listed).</xsl:text>
          </x>
          <short><xsl:value-of select="concat('Add a leadership activity at the ', $words, ' level.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$acts">
        <xsl:variable name="in" select="contains(concat(' ', normalize-space($rule/@scopes), ' '), concat(' ', @scope, ' '))"/>
        <item>
          <xsl:attribute name="status"><xsl:choose><xsl:when test="$in">counted</xsl:when><xsl:otherwise>excluded</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:if test="not($in)"><xsl:attribute name="reason"><xsl:value-of select="concat(@scope, ' scope')"/></xsl:attribute></xsl:if>
          <xsl:if test="@id"><xsl:attribute name="ref"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:call-template name="word"><xsl:with-param name="code" select="@activity"/></xsl:call-template><xsl:value-of select="concat(' (', @scope, ')')"/>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

</xsl:stylesheet>
