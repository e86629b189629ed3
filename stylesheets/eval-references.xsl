<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-references.xsl: included by evaluate.xsl.  Reference ratings from
  distinct people ($refs and $raters of eval-facts.xsl, one rating a
  person), a rater who has earned endorsement (what any entry of the
  person records), and the roles the track asks for.
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

  <xsl:template match="r:references" mode="verdict">
    <xsl:variable name="n" select="number(@count)"/>
    <xsl:variable name="have" select="count($raters)"/>
    <v>
      <xsl:choose>
        <xsl:when test="$have &gt;= $n">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' completed reference ratings from distinct people.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' of ', $n, ' reference ratings completed by distinct people.')"/></x>
          <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$n - $have"/><xsl:with-param name="one" select="'more completed reference rating'"/></xsl:call-template> from distinct people.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$refs">
        <item ref="{@person}">
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@done != 'true'">pending</xsl:when>
              <xsl:when test="@dup = 'true'">excluded</xsl:when>
              <xsl:otherwise>counted</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:choose>
            <xsl:when test="@done != 'true'"><xsl:attribute name="reason">requested, not completed</xsl:attribute></xsl:when>
            <xsl:when test="@dup = 'true'"><xsl:attribute name="reason">the same person as another rater</xsl:attribute></xsl:when>
            <xsl:otherwise><xsl:attribute name="date"><xsl:value-of select="@completed"/></xsl:attribute></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat(@name, ' (')"/><xsl:call-template name="word"><xsl:with-param name="code" select="@role"/></xsl:call-template><xsl:text>)</xsl:text>
          <xsl:choose>
            <xsl:when test="@done != 'true'">: requested, not completed</xsl:when>
            <xsl:when test="@dup = 'true'">: the same person as another rater, counted once</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(': completed ', @completed)"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rater-endorsed" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="ok-rtf">
      <xsl:for-each select="$raters">
        <xsl:variable name="r" select="."/>
        <xsl:variable name="hit">
          <xsl:call-template name="any-in">
            <xsl:with-param name="want" select="normalize-space($rule/@levels)"/>
            <xsl:with-param name="have" select="@endorsed"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$hit = 'yes'"><e name="{$r/@name}" levels="{normalize-space($r/@endorsed)}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ok" select="exsl:node-set($ok-rtf)/c:e"/>
    <v>
      <xsl:choose>
        <xsl:when test="$ok">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($ok[1]/@name, ' has earned endorsement at Level ', $ok[1]/@levels, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('None of the ', count($raters), ' raters has earned endorsement at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></x>
          <short><xsl:value-of select="concat('At least one reference must come from someone endorsed at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$ok"><item status="counted"><xsl:value-of select="concat(@name, ': Level ', @levels)"/></item></xsl:for-each>
    </v>
  </xsl:template>

  <!-- Greedy assignment of completed, distinct raters to the slots in
       order; each rater fills one slot. -->
  <xsl:template name="fill-slots">
    <xsl:param name="slots"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="used" select="'|'"/>
    <xsl:if test="$i &lt;= count($slots)">
      <xsl:variable name="slot" select="$slots[$i]"/>
      <xsl:variable name="waived" select="$slot/@waived-by and $pf/p:references/p:statement[@kind = $slot/@waived-by]"/>
      <xsl:variable name="roles">
        <xsl:choose>
          <xsl:when test="$waived"><xsl:value-of select="$slot/@else-roles"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$slot/@roles"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="cands" select="$raters[contains(concat(' ', normalize-space($roles), ' '), concat(' ', @role, ' '))
          and not(contains($used, concat('|', @group, '|')))]"/>
      <xsl:variable name="pick" select="$cands[not($slot/@familiar = 'true') or $waived or @familiar = 'yes'][1]"/>
      <!-- a chair not familiar with IMH who rated anyway, stated or not:
           the committee decides (RULES.md REF-3) -->
      <xsl:variable name="orig" select="$raters[contains(concat(' ', normalize-space($slot/@roles), ' '), concat(' ', @role, ' '))
          and not(contains($used, concat('|', @group, '|')))]"/>
      <xsl:variable name="unfamiliar" select="$orig[$slot/@familiar = 'true' and not(@familiar = 'yes')][1]"/>
      <xsl:choose>
        <xsl:when test="$waived and normalize-space($roles) = ''">
          <slot n="{$i}" state="waived" label="{$slot/@label}"/>
        </xsl:when>
        <xsl:when test="$pick">
          <slot n="{$i}" state="filled" label="{$slot/@label}" name="{$pick/@name}" role="{$pick/@role}" waived="{boolean($waived)}"/>
        </xsl:when>
        <xsl:when test="$unfamiliar">
          <slot n="{$i}" state="unfamiliar" label="{$slot/@label}" name="{$unfamiliar/@name}" role="{$unfamiliar/@role}"/>
        </xsl:when>
        <xsl:otherwise>
          <slot n="{$i}" state="missing" label="{$slot/@label}" waived="{boolean($waived)}" roles="{normalize-space($roles)}"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="fill-slots">
        <xsl:with-param name="slots" select="$slots"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="used" select="concat($used, $pick/@group, $unfamiliar/@group, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:reference-roles" mode="verdict">
    <xsl:variable name="comp" select="r:composition[@track = $trk]"/>
    <xsl:variable name="slots-rtf">
      <xsl:call-template name="fill-slots"><xsl:with-param name="slots" select="$comp/r:slot"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="slots" select="exsl:node-set($slots-rtf)/c:slot"/>
    <xsl:variable name="waivable" select="$slots[@state = 'waived']"/>
    <xsl:variable name="all-waived" select="$comp/r:all-waived and count($waivable) = count($comp/r:slot[@waived-by and not(@else-roles)]) and count($waivable) &gt; 0"/>
    <xsl:variable name="colleagues" select="$raters[contains(concat(' ', $comp/r:all-waived/@roles, ' '), concat(' ', @role, ' '))]"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($comp)">
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x><xsl:value-of select="concat('No reference roles are defined for the ', $track-name, ' track.')"/></x>
        </xsl:when>
        <xsl:when test="$all-waived">
          <xsl:choose>
            <xsl:when test="count($colleagues) &gt;= $comp/r:all-waived/@count">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated); ', count($colleagues), ' colleagues rate the applicant.')"/></x>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated), so ', $comp/r:all-waived/@label, ' are needed; ', count($colleagues), ' completed.')"/></x>
              <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$comp/r:all-waived/@count - count($colleagues)"/><xsl:with-param name="one" select="'more reference'"/></xsl:call-template> from a colleague.</short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$slots[@state = 'missing']">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:call-template name="n"><xsl:with-param name="n" select="count($slots[@state = 'missing'])"/><xsl:with-param name="one" select="'reference role is'"/><xsl:with-param name="many" select="'reference roles are'"/></xsl:call-template> not filled by a completed rating.
          </x>
          <short>
            <xsl:text>Missing reference: </xsl:text>
            <xsl:for-each select="$slots[@state = 'missing']">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="@label"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:when>
        <xsl:when test="$slots[@state = 'unfamiliar']">
          <xsl:attribute name="status">review</xsl:attribute>
          <x><xsl:value-of select="concat('The department supervisor or chair, ', $slots[@state = 'unfamiliar']/@name, ', is not stated to be familiar with IMH: the committee decides whether the rating stands.')"/></x>
        </xsl:when>
        <xsl:when test="$waivable and $comp/r:all-waived">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>One of the first two categories is stated not applicable and the other is filled: the role of the third rater is undefined, so the committee decides.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Every reference role of the track is filled by a completed rating.</x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$slots">
        <item>
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@state = 'filled'">counted</xsl:when>
              <xsl:when test="@state = 'waived'">not-applicable</xsl:when>
              <xsl:when test="@state = 'unfamiliar'">review</xsl:when>
              <xsl:otherwise>missing</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat('(', @n, ') ', @label, ': ')"/>
          <xsl:choose>
            <xsl:when test="@state = 'filled'"><xsl:value-of select="concat(@name, ' (')"/><xsl:call-template name="word"><xsl:with-param name="code" select="@role"/></xsl:call-template><xsl:text>)</xsl:text></xsl:when>
            <xsl:when test="@state = 'waived'">stated not applicable</xsl:when>
            <xsl:when test="@state = 'unfamiliar'"><xsl:value-of select="concat(@name, ', not stated to be familiar with IMH')"/></xsl:when>
            <xsl:otherwise>missing</xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

</xsl:stylesheet>
